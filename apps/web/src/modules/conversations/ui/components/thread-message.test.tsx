import { cleanup, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";

import { avatarColor } from "@echo/ui/lib/avatar-color";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { ThreadMessage, type ThreadMessageAuthor } from "./thread-message";

afterEach(cleanup);

function renderMessage(author: ThreadMessageAuthor, text: string) {
  return render(
    <NextIntlClientProvider locale="en" messages={en}>
      <ThreadMessage author={author} text={text} />
    </NextIntlClientProvider>,
  ).container;
}

describe("ThreadMessage", () => {
  it("renders the AI's markdown: bold words and a safe link, not the marks", () => {
    const container = renderMessage(
      "agent",
      "Use **Kindle export**, then read the [guide](https://example.com/guide).",
    );
    expect(container.querySelector("strong")?.textContent).toBe("Kindle export");
    expect(screen.getByRole("link", { name: "guide" }).getAttribute("href")).toBe(
      "https://example.com/guide",
    );
    expect(container.textContent).not.toContain("**");
    expect(container.textContent).not.toContain("](");
  });

  it("keeps the widget's sanitizing: raw HTML shows as text, unsafe links and images go", () => {
    const container = renderMessage(
      "operator",
      'Hi <img src="x" onerror="alert(1)"> [run](javascript:alert(1)) ![p](https://t.example/p.gif)',
    );
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("a")).toBeNull();
    expect(container.textContent).toContain('<img src="x" onerror="alert(1)">');
  });

  it("shows the visitor's text as they typed it", () => {
    const container = renderMessage("contact", "I pressed **this** button");
    expect(container.querySelector("strong")).toBeNull();
    expect(container.textContent).toContain("I pressed **this** button");
  });

  it("shows a visitor's image as a thumbnail that opens full size, without the stored caption", () => {
    const container = render(
      <NextIntlClientProvider locale="en" messages={en}>
        <ThreadMessage
          author="contact"
          text="📎 receipt.png"
          attachments={[
            {
              id: "a1",
              fileName: "receipt.png",
              kind: "image",
              size: 5000,
              url: "http://site/attachments/a1/k",
            },
          ]}
        />
      </NextIntlClientProvider>,
    ).container;
    expect(screen.getByRole("img", { name: "receipt.png" }).getAttribute("src")).toBe(
      "http://site/attachments/a1/k",
    );
    expect(
      screen.getByRole("link", { name: "Open receipt.png full size" }).getAttribute("href"),
    ).toBe("http://site/attachments/a1/k");
    expect(container.textContent).not.toContain("📎");
  });

  it("puts each author's avatar beside their name: the visitor's as in the inbox, an operator's, the AI's robot", () => {
    const contact = { name: "Ana Souza", colorKey: "ana@example.com" };
    const { container } = render(
      <NextIntlClientProvider locale="pt-BR" messages={ptBR}>
        <ThreadMessage author="contact" contact={contact} text="Oi" />
        <ThreadMessage author="operator" authorName="Theo Lima" contact={contact} text="Olá!" />
        <ThreadMessage author="agent" contact={contact} text="Posso ajudar?" />
      </NextIntlClientProvider>,
    );
    const [visitor, operator, agent] = [...container.querySelectorAll("article")].map(
      (article) => article.querySelector<HTMLElement>("[data-slot=avatar]")!,
    );
    expect(visitor!.textContent).toBe("AS");
    expect(visitor!.style.backgroundColor).toBe(hexToRgb(avatarColor("ana@example.com")));
    expect(visitor!.parentElement!.textContent).toBe("ASVisitante");
    expect(operator!.textContent).toBe("TL");
    expect(operator!.style.backgroundColor).toBe(hexToRgb(avatarColor("Theo Lima")));
    expect(agent!.querySelector("svg")).not.toBeNull();
    expect(agent!.parentElement!.textContent).toBe("Assistente de IA");
    for (const avatar of [visitor, operator, agent]) {
      expect(avatar!.getAttribute("aria-hidden")).toBe("true");
    }
  });

  it("gives an operator without a name the Operator label's initial", () => {
    const { container } = render(
      <NextIntlClientProvider locale="en" messages={en}>
        <ThreadMessage author="operator" text="Hello" />
      </NextIntlClientProvider>,
    );
    expect(container.querySelector("[data-slot=avatar]")!.textContent).toBe("O");
    expect(screen.getByText("Operator")).toBeTruthy();
  });
});

function hexToRgb(hex: string) {
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
