import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { WidgetPreview, type WidgetPreviewProps } from "./widget-preview";

const props: WidgetPreviewProps = {
  locale: "en",
  messages: en,
  organizationName: "Nimbus",
  logoUrl: "https://cdn.example/nimbus.png",
  colors: { primary: "#c2410c", background: "#ffffff", text: "#0f172a" },
  greeting: "Hi! Ask us about **notebooks**.",
  suggestions: ["How do I share a notebook?"],
};

describe("WidgetPreview", () => {
  it("shows the widget's own header, greeting, suggestions and composer with the brand", () => {
    const { container } = render(<WidgetPreview {...props} />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Nimbus");
    expect(screen.getByText("Chat")).toBeTruthy();
    expect(screen.getByRole("img", { name: "Nimbus logo" })).toBeTruthy();
    // The greeting is the assistant's bubble, markdown rendered as in the widget.
    expect(screen.getByText("notebooks").tagName).toBe("STRONG");
    expect(screen.getByRole("button", { name: "How do I share a notebook?" })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Message" })).toBeTruthy();
    const root = container.firstElementChild as HTMLElement;
    expect(root.style.getPropertyValue("--primary")).toBe("#c2410c");
    expect(root.style.getPropertyValue("--primary-foreground")).toBe("#ffffff");
  });

  it("takes no focus from the page around it", () => {
    render(<WidgetPreview {...props} />);
    expect(document.activeElement).toBe(document.body);
  });

  it("speaks the widget's language", () => {
    render(<WidgetPreview {...props} locale="pt-BR" messages={ptBR} />);
    expect(screen.getByRole("textbox", { name: "Mensagem" })).toBeTruthy();
  });
});
