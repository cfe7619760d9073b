import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { replyTemplates } from "../lib/answers/replyTemplates";
import {
  createOrganization,
  messagesOf,
  newTest,
  operator,
  settle,
  startConversation,
  threadOf,
  type TestConvex,
  uploadFile,
} from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

type Ids = { contactSessionId: Id<"contactSessions">; conversationId: Id<"conversations"> };

/** A visitor's upload as the widget does it: an upload URL, then the browser's POST. */
async function visitorUpload(t: TestConvex, ids: Ids, body: BlobPart, type: string) {
  await t.mutation(api.public.attachments.generateUploadUrl, ids);
  return await t.run(async (ctx) => await ctx.storage.store(new Blob([body], { type })));
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe("visitor attachments", () => {
  test("an image sent by the visitor is listed with its message for the visitor and operators", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    const storageId = await visitorUpload(t, ids, PNG, "image/png");
    const added = await t.mutation(api.public.attachments.add, {
      ...ids,
      storageId,
      fileName: "../receipt.png",
    });
    if (!added.ok) throw new Error(`refused: ${added.code}`);
    await t.mutation(api.public.messages.send, {
      ...ids,
      text: "",
      attachmentIds: [added.attachmentId],
    });
    const sent = (await messagesOf(t, ids)).find((message) => message.author === "contact")!;
    expect(sent.attachments).toEqual([
      expect.objectContaining({ fileName: "receipt.png", kind: "image", contentType: "image/png" }),
    ]);
    expect(sent.attachments[0]!.url).toMatch(/\/attachments\/[^/]+\/[0-9a-f]{48}$/);
    expect(JSON.stringify(sent)).not.toContain(storageId);
    const forOperator = await operator(t, "org_a", "member").query(api.private.messages.list, {
      threadId: await threadOf(t, ids.conversationId),
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(forOperator.page.find((m) => m.author === "contact")!.attachments).toHaveLength(1);
  });

  test("past a hundred sent files in a conversation, each message is still listed with its own", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    await t.mutation(api.public.messages.send, { ...ids, text: "first" });
    await t.mutation(api.public.messages.send, { ...ids, text: "second" });
    await settle(t);
    const visitorMessages = async () =>
      (await messagesOf(t, ids)).filter((message) => message.author === "contact");
    const [first, second] = (await visitorMessages()).map((message) => message.id);
    const storageId = await visitorUpload(t, ids, PNG, "image/png");
    await t.run(async (ctx) => {
      const files = [
        ...Array.from({ length: 101 }, (_, i) => [first!, `a${i}.png`] as const),
        [second!, "b.png"] as const,
      ];
      for (const [messageId, fileName] of files)
        await ctx.db.insert("attachments", {
          organizationId: "org_a",
          conversationId: ids.conversationId,
          storageId,
          author: "contact",
          fileName,
          contentType: "image/png",
          kind: "image",
          size: PNG.length,
          accessKey: "0".repeat(48),
          messageId,
        });
    });
    const listed = await visitorMessages();
    expect(listed.map((message) => message.attachments.length)).toEqual([101, 1]);
    expect(listed[1]!.attachments[0]!.fileName).toBe("b.png");
  });

  test("the agent says it cannot open the file and offers a person, in the visitor's language", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    const storageId = await visitorUpload(t, ids, "%PDF-1.7", "application/pdf");
    const added = await t.mutation(api.public.attachments.add, {
      ...ids,
      storageId,
      fileName: "fatura.pdf",
    });
    if (!added.ok) throw new Error(`refused: ${added.code}`);
    await t.mutation(api.public.messages.send, {
      ...ids,
      text: "Olá, segue a minha fatura do mês passado, não entendi a cobrança",
      attachmentIds: [added.attachmentId],
    });
    await settle(t);
    const reply = (await messagesOf(t, ids)).at(-1)!;
    expect(reply).toMatchObject({
      author: "agent",
      text: replyTemplates["pt-BR"].attachmentUnreadable,
    });
  });

  test("a refused type and an oversized file are deleted, with the reason and the limit", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    const page = await visitorUpload(t, ids, "<script>alert(1)</script>", "text/html");
    const refused = await t.mutation(api.public.attachments.add, {
      ...ids,
      storageId: page,
      fileName: "invoice.pdf.html",
    });
    expect(refused).toEqual({ ok: false, code: "FILE_TYPE_NOT_ALLOWED", maxBytes: 10485760 });
    // A forged image type on an accepted extension is refused too.
    const forged = await visitorUpload(t, ids, "<svg/>", "image/svg+xml");
    expect(
      await t.mutation(api.public.attachments.add, {
        ...ids,
        storageId: forged,
        fileName: "a.png",
      }),
    ).toMatchObject({ ok: false, code: "FILE_TYPE_NOT_ALLOWED" });

    await operator(t, "org_a", "admin").mutation(api.private.attachments.setMaxBytes, {
      maxBytes: 4,
    });
    const big = await visitorUpload(t, ids, "12345", "text/plain");
    expect(
      await t.mutation(api.public.attachments.add, { ...ids, storageId: big, fileName: "a.txt" }),
    ).toEqual({ ok: false, code: "FILE_TOO_LARGE", maxBytes: 4 });

    const left = await t.run(async (ctx) => ({
      files: await Promise.all([page, forged, big].map((id) => ctx.storage.get(id))),
      uploads: await ctx.db.query("uploads").collect(),
      attachments: await ctx.db.query("attachments").collect(),
    }));
    expect(left.files).toEqual([null, null, null]);
    expect(left.uploads.filter((upload) => upload.storageId !== undefined)).toEqual([]);
    expect(left.attachments).toEqual([]);
  });

  test("only admins set the limit, within range", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const member = operator(t, "org_a", "member");
    await expect(
      member.mutation(api.private.attachments.setMaxBytes, { maxBytes: 1000 }),
    ).rejects.toThrow(/UNAUTHORIZED/);
    const admin = operator(t, "org_a", "admin");
    await expect(
      admin.mutation(api.private.attachments.setMaxBytes, { maxBytes: 0 }),
    ).rejects.toThrow(/INVALID_INPUT/);
    await admin.mutation(api.private.attachments.setMaxBytes, { maxBytes: 2_000_000 });
    expect(await member.query(api.private.attachments.limits, {})).toMatchObject({
      maxBytes: 2_000_000,
    });
  });

  test("an attachment goes out once, with a message of the conversation it was added to", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    const other = await startConversation(t, "org_a");
    const storageId = await visitorUpload(t, ids, "notes", "text/plain");
    const added = await t.mutation(api.public.attachments.add, {
      ...ids,
      storageId,
      fileName: "notes.txt",
    });
    if (!added.ok) throw new Error(`refused: ${added.code}`);
    await expect(
      t.mutation(api.public.messages.send, {
        ...other,
        text: "mine now",
        attachmentIds: [added.attachmentId],
      }),
    ).rejects.toThrow(/INVALID_FILE/);
    await t.mutation(api.public.messages.send, {
      ...ids,
      text: "here",
      attachmentIds: [added.attachmentId],
    });
    await expect(
      t.mutation(api.public.messages.send, {
        ...ids,
        text: "again",
        attachmentIds: [added.attachmentId],
      }),
    ).rejects.toThrow(/INVALID_FILE/);
    await expect(
      t.mutation(api.public.attachments.add, { ...ids, storageId, fileName: "notes.txt" }),
    ).rejects.toThrow(/INVALID_FILE/);
  });

  test("a file the organization already uses (a knowledge file) cannot be attached, nor deleted", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    const storageId = await uploadFile(t, admin, "Our refund policy.");
    await admin.mutation(api.private.knowledgeFiles.add, { storageId, name: "refunds.txt" });
    await t.mutation(api.public.attachments.generateUploadUrl, ids);
    await expect(
      t.mutation(api.public.attachments.add, { ...ids, storageId, fileName: "x.exe" }),
    ).rejects.toThrow(/INVALID_FILE/);
    expect(await t.run(async (ctx) => (await ctx.storage.get(storageId)) !== null)).toBe(true);
  });
});

describe("operator attachments and downloads", () => {
  test("an operator's file reaches the visitor and downloads with a safe Content-Disposition", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    const member = operator(t, "org_a", "member");
    await member.mutation(api.private.attachments.generateUploadUrl, {});
    const storageId = await t.run(
      async (ctx) => await ctx.storage.store(new Blob(["a,b\n1,2\n"], { type: "text/csv" })),
    );
    const added = await member.mutation(api.private.attachments.add, {
      conversationId: ids.conversationId,
      storageId,
      fileName: 'Relatório "final"\r\n.csv',
    });
    if (!added.ok) throw new Error(`refused: ${added.code}`);
    await member.mutation(api.private.messages.reply, {
      conversationId: ids.conversationId,
      text: "",
      attachmentIds: [added.attachmentId],
    });
    const sent = (await messagesOf(t, ids)).find((message) => message.author === "operator")!;
    expect(sent.text).toBe("📎 Relatório final.csv");
    const [attachment] = sent.attachments;
    const path = new URL(attachment!.url, "http://site").pathname;

    const response = await t.fetch(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Relat_rio final.csv"; filename*=UTF-8''Relat%C3%B3rio%20final.csv`,
    );
    expect(await response.text()).toBe("a,b\n1,2\n");

    const wrongKey = path.replace(/[0-9a-f]{48}$/, "0".repeat(48));
    expect((await t.fetch(wrongKey)).status).toBe(404);
    expect((await t.fetch("/attachments/nope/nope")).status).toBe(404);
  });

  test("another organization's upload cannot be attached", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await createOrganization(t, "org_b");
    const ids = await startConversation(t, "org_a");
    const storageId = await visitorUpload(t, ids, PNG, "image/png");
    await t.mutation(api.public.attachments.add, { ...ids, storageId, fileName: "a.png" });
    const idsB = await startConversation(t, "org_b");
    await expect(
      operator(t, "org_b", "admin").mutation(api.private.attachments.add, {
        conversationId: idsB.conversationId,
        storageId,
        fileName: "a.png",
      }),
    ).rejects.toThrow(/INVALID_FILE/);
  });
});
