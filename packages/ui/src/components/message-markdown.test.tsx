import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { MessageMarkdown } from "./message-markdown";

function renderText(text: string) {
  return render(<MessageMarkdown text={text} />).container;
}

describe("MessageMarkdown with hostile text", () => {
  it("shows a script tag as text and never creates a script element", () => {
    const container = renderText("Hello <script>window.hacked = true</script> there");
    expect(container.querySelector("script")).toBeNull();
    expect(container.textContent).toContain("<script>window.hacked = true</script>");
    expect((window as { hacked?: boolean }).hacked).toBeUndefined();
  });

  it("shows an img with onerror as text, with no element and no handler", () => {
    const container = renderText('<img src="x" onerror="alert(1)">');
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("[onerror]")).toBeNull();
    expect(container.textContent).toContain('<img src="x" onerror="alert(1)">');
  });

  it("keeps block HTML as text too", () => {
    const container = renderText(
      '<div style="position:fixed" onclick="steal()">Click me</div>\n\nafter',
    );
    expect(container.querySelector("div[onclick]")).toBeNull();
    expect(container.textContent).toContain('<div style="position:fixed" onclick="steal()">');
  });

  it("renders javascript:, data: and vbscript: links without an href", () => {
    const container = renderText(
      "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html;base64,PHNjcmlwdD4=) [d](vbscript:x)",
    );
    expect(container.querySelectorAll("a")).toHaveLength(0);
    expect(container.textContent).toContain("a b c d");
  });

  it("opens safe links in a new tab without giving the opener away", () => {
    renderText("See [the docs](https://example.com/help) or [mail us](mailto:help@example.com)");
    const docs = screen.getByRole("link", { name: "the docs" });
    expect(docs.getAttribute("href")).toBe("https://example.com/help");
    expect(docs.getAttribute("target")).toBe("_blank");
    expect(docs.getAttribute("rel")).toContain("noopener");
    expect(screen.getByRole("link", { name: "mail us" }).getAttribute("href")).toBe(
      "mailto:help@example.com",
    );
  });

  it("does not load markdown images (no tracking pixels), keeping their text", () => {
    const container = renderText("![pixel](https://tracker.example/p.gif)");
    expect(container.querySelector("img")).toBeNull();
  });

  it("still renders ordinary markdown", () => {
    const container = renderText("**Bold** and `code`\n\n- one\n- two");
    expect(container.querySelector("strong")?.textContent).toBe("Bold");
    expect(container.querySelector("code")?.textContent).toBe("code");
    expect(container.querySelectorAll("li")).toHaveLength(2);
  });
});

describe("MessageMarkdown layout", () => {
  it("renders a markdown table as a table with its header and cells", () => {
    const container = renderText(
      "Plans:\n\n| Plan | Price |\n| --- | ---: |\n| Free | $0 |\n| Pro | $29 |",
    );
    const table = screen.getByRole("table");
    expect(screen.getAllByRole("columnheader").map((cell) => cell.textContent)).toEqual([
      "Plan",
      "Price",
    ]);
    expect(screen.getAllByRole("cell").map((cell) => cell.textContent)).toEqual([
      "Free",
      "$0",
      "Pro",
      "$29",
    ]);
    expect(container.textContent).not.toContain("|");
    expect(table.parentElement?.className).toContain("overflow-x-auto");
  });

  it("styles a blockquote apart from the reply", () => {
    renderText("> Export from the Kindle menu\n\nThen upload it.");
    const quote = document.querySelector("blockquote");
    expect(quote?.textContent?.trim()).toBe("Export from the Kindle menu");
    expect(quote?.className).toContain("border-l-4");
  });
});
