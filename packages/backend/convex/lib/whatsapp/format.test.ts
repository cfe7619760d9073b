import { describe, expect, test } from "vitest";

import { markdownToWhatsApp, splitForWhatsApp, WHATSAPP_TEXT_LIMIT } from "./format";

describe("markdown to WhatsApp", () => {
  test("bold, italic, strike, links, headings and bullets take WhatsApp's marks", () => {
    expect(
      markdownToWhatsApp(
        "## Reset\nClick **Forgot password**, then *check* your ~~spam~~ inbox.\n- [Help](https://x.example/help)\n- https://x.example",
      ),
    ).toBe(
      "*Reset*\nClick *Forgot password*, then _check_ your ~spam~ inbox.\n• Help (https://x.example/help)\n• https://x.example",
    );
  });

  test("code blocks are kept as they are", () => {
    expect(markdownToWhatsApp("Run:\n```sh\nnpm **start**\n```")).toBe("Run:\n```npm **start**```");
  });
});

describe("splitting long answers", () => {
  test("a short answer is one message", () => {
    expect(splitForWhatsApp("Hello there.")).toEqual(["Hello there."]);
  });

  test("a long one is cut at paragraph and sentence boundaries, each part within the limit", () => {
    const paragraph = "This sentence is about refunds. ".repeat(60).trim();
    const text = [paragraph, paragraph, paragraph].join("\n\n");
    const parts = splitForWhatsApp(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(WHATSAPP_TEXT_LIMIT);
      expect(part).toMatch(/refunds\.$/);
    }
    expect(parts.join(" ").replace(/\s+/g, " ")).toBe(text.replace(/\s+/g, " "));
  });

  test("a text without spaces is cut at the limit", () => {
    expect(splitForWhatsApp("x".repeat(9000)).map((part) => part.length)).toEqual([
      4096, 4096, 808,
    ]);
  });
});
