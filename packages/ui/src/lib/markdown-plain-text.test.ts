import { describe, expect, it } from "vitest";

import { markdownPlainText } from "./markdown-plain-text";

describe("markdownPlainText", () => {
  it("drops emphasis marks and link targets, keeping the words", () => {
    expect(
      markdownPlainText("Use **Kindle export**, then see the [guide](https://example.com/guide)."),
    ).toBe("Use Kindle export, then see the guide.");
  });

  it("puts one space between paragraphs, list items and table cells", () => {
    expect(markdownPlainText("Steps:\n\n1. Open *Settings*\n2. Choose `Export`")).toBe(
      "Steps: Open Settings Choose Export",
    );
    expect(markdownPlainText("| Plan | Price |\n| --- | --- |\n| Pro | $29 |")).toBe(
      "Plan Price Pro $29",
    );
  });

  it("leaves out images and keeps raw HTML as the text the message shows", () => {
    expect(markdownPlainText("Hi ![pixel](https://t.example/p.gif) <b>there</b>")).toBe(
      "Hi <b>there</b>",
    );
  });

  it("keeps text with no markdown as it is, with line breaks as spaces", () => {
    expect(markdownPlainText("How do I\nexport my notes?")).toBe("How do I export my notes?");
  });
});
