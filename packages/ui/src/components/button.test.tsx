import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { Button } from "./button";

describe("Button", () => {
  it("merges variant classes with caller classes, the caller winning on conflicts", () => {
    render(
      <Button variant="outline" size="sm" className="px-8">
        Save
      </Button>,
    );
    const button = screen.getByRole("button", { name: "Save" });
    expect(button.className).toContain("border");
    expect(button.className).toContain("px-8");
    expect(button.className).not.toContain("px-3");
  });

  it("renders its child element instead of a button with asChild", () => {
    render(
      <Button asChild>
        <a href="/inbox">Inbox</a>
      </Button>,
    );
    const link = screen.getByRole("link", { name: "Inbox" });
    expect(link.getAttribute("href")).toBe("/inbox");
    expect(link.getAttribute("data-slot")).toBe("button");
  });
});
