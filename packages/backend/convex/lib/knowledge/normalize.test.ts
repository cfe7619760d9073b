import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, test } from "vitest";

import { chunkBlocks, MAX_CHUNK_CHARS } from "./chunkBlocks";
import { csvText } from "./csvText";
import { extractBlocks } from "./extractText";
import { htmlText } from "./htmlText";
import { markdownBlocks } from "./markdownBlocks";
import { splitSentences } from "./sentences";

const WRAPPED = `# Shipping

Standard shipping inside the country takes 3 to 5 business days and is free on orders over
$50. Express shipping arrives the next business day and costs $15.

## Returns
You can return any item within 30 days. Items must be unused and in the original
packaging.

- Print the label from your account page, e.g. under
  Orders > Returns.
- Drop the parcel at any post office. Refunds arrive within 5
days.

| Plan | Price |
|------|-------|
| Free | $0 |
| Pro | $12 per user per month |
`;

describe("Markdown", () => {
  test("joins hard-wrapped lines into paragraphs under their headings", () => {
    const blocks = markdownBlocks(WRAPPED);
    expect(blocks[0]).toEqual({
      kind: "paragraph",
      headings: ["Shipping"],
      text: "Standard shipping inside the country takes 3 to 5 business days and is free on orders over $50. Express shipping arrives the next business day and costs $15.",
    });
    expect(blocks[1]).toMatchObject({
      headings: ["Shipping", "Returns"],
      text: "You can return any item within 30 days. Items must be unused and in the original packaging.",
    });
  });

  test("keeps a list whole, one item per line with its wrapped text", () => {
    const list = markdownBlocks(WRAPPED).find((b) => b.kind === "list")!;
    expect(list.text).toBe(
      "- Print the label from your account page, e.g. under Orders > Returns.\n" +
        "- Drop the parcel at any post office. Refunds arrive within 5 days.",
    );
  });

  test("keeps a table whole, without its rule line", () => {
    const table = markdownBlocks(WRAPPED).find((b) => b.kind === "table")!;
    expect(table.text).toBe("| Plan | Price |\n| Free | $0 |\n| Pro | $12 per user per month |");
    expect(table.headings).toEqual(["Shipping", "Returns"]);
  });

  test("a heading closes the section of the same level", () => {
    const blocks = markdownBlocks("# A\n## B\ntext b.\n## C\ntext c.\n# D\ntext d.");
    expect(blocks.map((b) => b.headings.join("/"))).toEqual(["A/B", "A/C", "D"]);
  });
});

describe("chunks", () => {
  test("carry the file › section path and end on sentence boundaries", () => {
    const long = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} says a thing.`).join(
      "\n",
    );
    const chunks = chunkBlocks("guide.md", markdownBlocks(`# Guide\n## Long part\n${long}`));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.section).toBe("guide.md › Guide › Long part");
      expect(chunk.text).toMatch(/^Sentence number \d+ says a thing\.( |$)/);
      expect(chunk.text).toMatch(/thing\.$/);
      expect(chunk.text.length).toBeLessThanOrEqual(MAX_CHUNK_CHARS);
    }
  });

  test("never mix two sections, and a long table repeats its header", () => {
    const rows = Array.from({ length: 60 }, (_, i) => `| Item ${i} | $${i} |`).join("\n");
    const chunks = chunkBlocks(
      "p.md",
      markdownBlocks(`# Prices\n| Item | Price |\n${rows}\n# Other\nHi there.`),
    );
    const priceChunks = chunks.filter((c) => c.section === "p.md › Prices");
    expect(priceChunks.length).toBeGreaterThan(1);
    for (const chunk of priceChunks) expect(chunk.text.startsWith("| Item | Price |\n")).toBe(true);
    expect(chunks.at(-1)).toEqual({ text: "Hi there.", section: "p.md › Other" });
  });
});

describe("sentences", () => {
  test("split at sentence ends, not at abbreviations, initials, decimals or line breaks", () => {
    expect(
      splitSentences(
        "Dr. Smith pays 3.5 times more,\ne.g. for Pro. It costs $12. Really? Yes! J. R. R. Tolkien wrote it.",
      ),
    ).toEqual([
      "Dr. Smith pays 3.5 times more, e.g. for Pro.",
      "It costs $12.",
      "Really?",
      "Yes!",
      "J. R. R. Tolkien wrote it.",
    ]);
  });
});

describe("HTML and CSV", () => {
  test("HTML keeps headings, lists and tables", () => {
    const blocks = markdownBlocks(
      htmlText(
        "<nav>Home | Pricing</nav><h1>Plans</h1><p>Pick a plan\nthat fits.</p><ul><li>Free</li><li>Pro</li></ul>" +
          "<table><tr><th>Plan</th><th>Price</th></tr><tr><td>Pro</td><td>$12</td></tr></table>",
      ),
    );
    expect(blocks).toEqual([
      { kind: "paragraph", headings: ["Plans"], text: "Pick a plan that fits." },
      { kind: "list", headings: ["Plans"], text: "- Free\n- Pro" },
      { kind: "table", headings: ["Plans"], text: "| Plan | Price |\n| Pro | $12 |" },
    ]);
  });

  test("a CSV is one table with its header", () => {
    expect(csvText('plan,price\nPro,"$12, per month"\n')).toBe(
      "| plan | price |\n| Pro | $12, per month |",
    );
  });
});

const PAGES = [
  {
    heading: "Warranty",
    lines: [
      "All devices carry a two-year limited warranty that covers manufac-",
      "turing defects. Damage from drops is not covered.",
    ],
    after: "To claim, write to support with your order number.",
  },
  {
    heading: "Repairs",
    lines: ["Repairs outside the warranty cost a flat fee of $49 plus parts and", "take ten days."],
    after: "We send a prepaid box for every repair.",
  },
];

async function pdfWithFurniture(): Promise<Blob> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  PAGES.forEach(({ heading, lines, after }, index) => {
    const page = doc.addPage([600, 800]);
    let y = 760;
    const line = (text: string, size = 11, gap = 6) => {
      page.drawText(text, { x: 50, y, size, font });
      y -= size + gap;
    };
    line("Acme Notes - Warranty Guide", 9, 20);
    line(heading, 16);
    for (const text of lines) line(text);
    y -= 14;
    line(after);
    y = 40;
    line(`Page ${index + 1} of ${PAGES.length}`, 9);
  });
  const bytes = await doc.save();
  return new Blob([bytes.slice().buffer as ArrayBuffer], { type: "application/pdf" });
}

describe("PDF", () => {
  test("drops running heads and page numbers, joins hyphenation, finds headings and paragraphs", async () => {
    const blocks = await extractBlocks("warranty.pdf", await pdfWithFurniture());
    expect(blocks).toEqual([
      {
        kind: "paragraph",
        headings: ["Warranty"],
        text: "All devices carry a two-year limited warranty that covers manufacturing defects. Damage from drops is not covered.",
      },
      {
        kind: "paragraph",
        headings: ["Warranty"],
        text: "To claim, write to support with your order number.",
      },
      {
        kind: "paragraph",
        headings: ["Repairs"],
        text: "Repairs outside the warranty cost a flat fee of $49 plus parts and take ten days.",
      },
      { kind: "paragraph", headings: ["Repairs"], text: "We send a prepaid box for every repair." },
    ]);
  });
});
