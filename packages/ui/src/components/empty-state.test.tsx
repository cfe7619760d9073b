import { render, screen } from "@testing-library/react";
import { Inbox } from "lucide-react";
import { describe, expect, it } from "vitest";

import { EmptyState } from "./empty-state";

describe("EmptyState", () => {
  it("says one sentence, hides its icon and offers the next action", () => {
    const { container } = render(
      <EmptyState
        icon={Inbox}
        title="No conversations yet. Embed the widget to start receiving them."
        action={<a href="/integrations">Get the embed code</a>}
      />,
    );
    expect(screen.getByText(/No conversations yet/).tagName).toBe("P");
    expect(container.querySelector("svg")!.getAttribute("aria-hidden")).toBe("true");
    expect(screen.getByRole("link", { name: "Get the embed code" }).getAttribute("href")).toBe(
      "/integrations",
    );
  });

  it("renders no action area when there is nothing to do", () => {
    const { container } = render(<EmptyState icon={Inbox} title="No matches." />);
    expect(container.querySelector("a, button")).toBeNull();
  });
});
