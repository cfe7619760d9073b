import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api, internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { PREVIEW_MAX_CHARS } from "../lib/knowledgePreview";
import { knowledgeBase } from "../lib/knowledge/knowledgeBase";
import {
  createOrganization,
  newTest,
  operator,
  settle,
  uploadFile,
  type TestConvex,
} from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A one-page PDF with real text objects and a correct cross-reference table. */
function pdfWithText(lines: string[]): Uint8Array {
  const content = `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((l) => `(${l}) '`).join(" ")} ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

const FIXTURES: Record<string, { body: BlobPart; expected: string; unexpected?: string }> = {
  "shipping.txt": {
    body: "Orders ship within 2 business days from our Lisbon warehouse.",
    expected: "Lisbon warehouse",
  },
  "returns.md": {
    body: "# Returns\n\nYou can return any item within **60 days**.",
    expected: "You can return any item within 60 days.",
  },
  "warranty.html": {
    body: "<html><head><style>p{color:red}</style><script>track()</script></head><body><nav>Home | Shop</nav><h1>Warranty</h1><p>Every kettle has a <a href='/w'>3 year warranty</a>.</p></body></html>",
    expected: "Every kettle has a 3 year warranty.",
    unexpected: "track()",
  },
  "stores.csv": {
    body: "city,opening hours\nPorto,9:00-18:00\nFaro,10:00-16:00\n",
    expected: "| city | opening hours |\n| Porto | 9:00-18:00 |\n| Faro | 10:00-16:00 |",
  },
  "manual.pdf": {
    body: pdfWithText(["Descaling the kettle", "Fill it with vinegar once a month."]) as BlobPart,
    expected: "Fill it with vinegar once a month.",
  },
};

async function upload(t: TestConvex, orgId: string, name: string, body: BlobPart) {
  const admin = operator(t, orgId, "admin");
  const storageId = await uploadFile(t, admin, body);
  const fileId = await admin.mutation(api.private.knowledgeFiles.add, { storageId, name });
  return { admin, fileId, storageId };
}

async function indexedText(t: TestConvex, orgId: string, fileId: Id<"knowledgeFiles">) {
  const file = await t.run(async (ctx) => await ctx.db.get(fileId));
  const search = await t.action(async (ctx) =>
    knowledgeBase().search(ctx, {
      namespace: orgId,
      query: file!.name,
      limit: 20,
      chunkContext: { before: 5, after: 5 },
    }),
  );
  return search.entries.find((e) => e.entryId === file!.ragEntryId)?.text ?? "";
}

describe("private.knowledgeFiles", () => {
  test.each(Object.keys(FIXTURES))(
    "ingests %s into the organization's knowledge base",
    async (name) => {
      const t = newTest();
      await createOrganization(t, "org_a");
      const { fileId } = await upload(t, "org_a", name, FIXTURES[name].body);
      expect((await t.run(async (ctx) => await ctx.db.get(fileId)))!.status).toBe("processing");
      await settle(t);
      const file = await t.run(async (ctx) => await ctx.db.get(fileId));
      expect(file).toMatchObject({ status: "ready", name, organizationId: "org_a" });
      const text = await indexedText(t, "org_a", fileId);
      expect(text).toContain(FIXTURES[name].expected);
      if (FIXTURES[name].unexpected) expect(text).not.toContain(FIXTURES[name].unexpected);
    },
  );

  test("unsupported types and oversized files are refused", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    const exe = await uploadFile(t, admin, "MZ");
    const error = await admin
      .mutation(api.private.knowledgeFiles.add, { storageId: exe, name: "setup.exe" })
      .catch((e) => e);
    expect(error.data).toMatchObject({ code: "INVALID_FILE" });
    const big = await uploadFile(t, admin, new Uint8Array(10 * 1024 * 1024 + 1));
    const tooBig = await admin
      .mutation(api.private.knowledgeFiles.add, { storageId: big, name: "big.txt" })
      .catch((e) => e);
    expect(tooBig.data).toMatchObject({ code: "INVALID_FILE" });
  });

  test("a file without extractable text fails with the reason", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const { fileId } = await upload(
      t,
      "org_a",
      "empty.html",
      "<html><body><img src='x.png'></body></html>",
    );
    await settle(t);
    expect(await t.run(async (ctx) => await ctx.db.get(fileId))).toMatchObject({
      status: "failed",
      error: "No text could be extracted from this file",
    });
    const { fileId: broken } = await upload(t, "org_a", "broken.pdf", "not a pdf at all");
    await settle(t);
    expect((await t.run(async (ctx) => await ctx.db.get(broken)))!.status).toBe("failed");
  });

  test("list pages the organization's files; members may list but not add or delete", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const { admin, fileId } = await upload(
      t,
      "org_a",
      "shipping.txt",
      FIXTURES["shipping.txt"].body,
    );
    const member = operator(t, "org_a", "member");
    const listed = await member.query(api.private.knowledgeFiles.list, {
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(listed.page.map((f) => f._id)).toEqual([fileId]);
    const storageId = await t.run(async (ctx) => await ctx.storage.store(new Blob(["x"])));
    await expect(
      member.mutation(api.private.knowledgeFiles.add, { storageId, name: "a.txt" }),
    ).rejects.toThrow(/Admins only/);
    await expect(member.mutation(api.private.knowledgeFiles.remove, { fileId })).rejects.toThrow(
      /Admins only/,
    );
    await expect(member.mutation(api.private.knowledgeFiles.generateUploadUrl, {})).rejects.toThrow(
      /Admins only/,
    );
    expect(await admin.mutation(api.private.knowledgeFiles.generateUploadUrl, {})).toMatch(
      /^https?:\/\//,
    );
  });

  test("remove deletes the file, its upload and its passages from search", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const { admin, fileId, storageId } = await upload(
      t,
      "org_a",
      "shipping.txt",
      FIXTURES["shipping.txt"].body,
    );
    await settle(t);
    expect(await indexedText(t, "org_a", fileId)).toContain("Lisbon");
    await admin.mutation(api.private.knowledgeFiles.remove, { fileId });
    await settle(t);
    expect(await t.run(async (ctx) => await ctx.db.get(fileId))).toBeNull();
    expect(await t.run(async (ctx) => await ctx.db.system.get(storageId))).toBeNull();
    const search = await t.action(async (ctx) =>
      knowledgeBase().search(ctx, {
        namespace: "org_a",
        query: "Lisbon warehouse shipping",
        limit: 5,
      }),
    );
    expect(search.results).toHaveLength(0);
  });

  test("reindexAll indexes uploaded and seeded files again", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await t.mutation(internal.system.seed.seed, { organizationId: "org_a" });
    const { admin, fileId } = await upload(
      t,
      "org_a",
      "shipping.txt",
      FIXTURES["shipping.txt"]!.body,
    );
    await settle(t);
    expect(await admin.mutation(api.private.knowledgeFiles.reindexAll, {})).toBe(5);
    const statuses = async () =>
      (await t.run(async (ctx) => await ctx.db.query("knowledgeFiles").collect())).map(
        (f) => f.status,
      );
    expect(await statuses()).toEqual(Array(5).fill("processing"));
    await settle(t);
    expect(await statuses()).toEqual(Array(5).fill("ready"));
    expect(await indexedText(t, "org_a", fileId)).toContain("Lisbon");
    await expect(
      operator(t, "org_a", "member").mutation(api.private.knowledgeFiles.reindexAll, {}),
    ).rejects.toThrow(/Admins only/);
  });
});

describe("private.knowledgeFiles.preview", () => {
  const paragraphs = Array.from(
    { length: 12 },
    (_, i) =>
      `Section ${i + 1}\nKettle care step ${i + 1}: rinse the kettle, dry it and store it upright.`,
  ).join("\n\n");

  test("rebuilds a file's extracted text from its indexed passages, in order", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const { fileId } = await upload(t, "org_a", "care.txt", paragraphs);
    const member = operator(t, "org_a", "member");
    expect(await member.query(api.private.knowledgeFiles.preview, { fileId })).toMatchObject({
      name: "care.txt",
      status: "processing",
      text: null,
    });
    await settle(t);
    const preview = await member.query(api.private.knowledgeFiles.preview, { fileId });
    expect(preview).toMatchObject({ status: "ready", truncated: false, error: null });
    // Several passages, joined back into the extracted text with its hard-wrapped lines joined.
    expect(paragraphs.length).toBeGreaterThan(600);
    expect(preview.text).toBe(paragraphs.replace(/(?<!\n)\n(?!\n)/g, " "));
  });

  test("a large file's preview is cut at a line break and says so", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const lines = Array.from(
      { length: 800 },
      (_, i) => `Line ${i + 1}: descale the kettle with vinegar once a month.`,
    );
    const { fileId } = await upload(t, "org_a", "long.md", lines.join("\n"));
    await settle(t);
    const preview = await operator(t, "org_a", "member").query(api.private.knowledgeFiles.preview, {
      fileId,
    });
    expect(preview.truncated).toBe(true);
    expect(preview.text!.length).toBeLessThanOrEqual(PREVIEW_MAX_CHARS);
    expect(preview.text!.length).toBeGreaterThan(PREVIEW_MAX_CHARS / 2);
    expect(preview.text!.startsWith("Line 1: descale")).toBe(true);
    // Whole lines only: the last one shown is complete.
    expect(preview.text!.split("\n").at(-1)).toMatch(/^Line \d+: descale .* month\.$/);
  });

  test("a failed file has no text, only its reason; an unknown file is not found", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const { admin, fileId } = await upload(t, "org_a", "broken.pdf", "not a pdf at all");
    await settle(t);
    const preview = await admin.query(api.private.knowledgeFiles.preview, { fileId });
    expect(preview).toMatchObject({ status: "failed", text: null });
    expect(preview.error).toEqual(expect.any(String));
    await admin.mutation(api.private.knowledgeFiles.remove, { fileId });
    const error = await admin.query(api.private.knowledgeFiles.preview, { fileId }).catch((e) => e);
    expect(error.data).toMatchObject({ code: "NOT_FOUND" });
  });
});
