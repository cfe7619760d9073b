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

  test("a line of sources becomes the label, then each title and its URL on lines of their own", () => {
    const refunds =
      "https://site.example/knowledge/passage?organizationId=org_1&fileId=k57a&section=billing.md+%E2%80%BA+Refunds&lang=en";
    const plans = "https://site.example/knowledge/passage?fileId=k57b&section=plans.md";
    expect(
      markdownToWhatsApp(
        `Refunds take **30 days**.\n\nSource: [billing.md › Billing › Refunds](${refunds}); [plans\\_v2.md](${plans})\n\nDid that answer your question?`,
      ),
    ).toBe(
      `Refunds take *30 days*.\n\nSource:\nbilling.md › Billing › Refunds\n${refunds}\nplans_v2.md\n${plans}\n\nDid that answer your question?`,
    );
  });

  test("a source URL keeps its characters: no WhatsApp marks are made of them", () => {
    const url = "https://x.example/p?section=*Tips*&a=__b__";
    expect(markdownToWhatsApp(`Fonte: [Dicas rápidas](${url})`)).toBe(
      `Fonte:\nDicas rápidas\n${url}`,
    );
  });

  test("a link inside a sentence still reads as text (url)", () => {
    expect(markdownToWhatsApp("See [our plans](https://x.example/plans) for prices.")).toBe(
      "See our plans (https://x.example/plans) for prices.",
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
