import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConvexHttpClient } from "convex/browser";
import { api } from "./fixtures/basic/convex/_generated/api.js";
import type { Id } from "./fixtures/basic/convex/_generated/dataModel.js";
import { startHarness, type Harness } from "./server-harness.ts";

let h: Harness;
let client: ConvexHttpClient;

beforeAll(async () => {
  h = await startHarness("basic");
  client = new ConvexHttpClient(h.server.url, { logger: false });
});

afterAll(async () => {
  await h.stop();
});

const base64Sha256 = (text: string) => createHash("sha256").update(text).digest("base64");

describe("file storage as Convex behaves", () => {
  test("ctx.storage.store keeps an empty blob", async () => {
    const id = await client.action(api.files.storeText, { text: "" });
    expect(await client.action(api.files.readText, { id })).toBe("");
    expect(await client.query(api.files.metadata, { id })).toEqual({
      size: 0,
      contentType: "text/plain",
    });
  });

  test("ctx.storage.store refuses bytes that do not match the sha256 given", async () => {
    const id = await client.action(api.files.storeWithHash, {
      text: "hello",
      sha256: base64Sha256("hello"),
    });
    expect(await client.action(api.files.readText, { id })).toBe("hello");
    await expect(
      client.action(api.files.storeWithHash, { text: "other", sha256: base64Sha256("hello") }),
    ).rejects.toThrow(/sha256/i);
  });

  test("storage.getMetadata and db.get refuse ids that are not theirs", async () => {
    await expect(client.query(api.files.metadataOf, { id: "INVALID" })).rejects.toThrow(
      /Uncaught Error: Invalid argument `storageId` for `storage.getMetadata`: Invalid storage ID: "INVALID". Storage ID should be an Id of '_storage' table, or a UUID string.\n/,
    );
    const messageId = await client.mutation(api.messages.send, {
      channel: "c",
      author: "a",
      body: "b",
    });
    await expect(client.query(api.files.metadataOf, { id: messageId })).rejects.toThrow(
      /Uncaught Error: Invalid argument `storageId` for `storage.getMetadata`: Invalid storage ID. Storage ID cannot be an ID on any table other than '_storage'.\n/,
    );
    const id = await client.action(api.files.storeText, { text: "x" });
    await expect(client.query(api.files.systemGet, { id })).rejects.toThrow(
      /System tables can only be accessed with db.system/,
    );
  });

  test("deleting a storage id twice fails with Convex's text, at the user's line", async () => {
    const id = await client.action(api.files.storeText, { text: "gone" });
    await client.mutation(api.files.remove, { id });
    const error = await client.mutation(api.files.remove, { id }).catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(
      new RegExp(
        `Server Error\\nUncaught Error: storage id ${id} not found\\n {4}at async handler \\(\\.\\./convex/files\\.ts:39:\\d+\\)\\n$`,
      ),
    );
  });

  test("Range: bytes=0-0 on an empty file answers 200 with the empty body", async () => {
    const id = await client.action(api.files.storeText, { text: "" });
    const url = (await client.query(api.files.url, { id }))!;
    const response = await fetch(url, { headers: { Range: "bytes=0-0" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-range")).toBeNull();
    expect(response.headers.get("content-length")).toBe("0");
    expect(await response.text()).toBe("");
  });

  test.each([
    ["text/html; charset=utf-8", "attachment"],
    ["image/svg+xml", "attachment"],
    ["application/xml", "attachment"],
    ["text/javascript", "attachment"],
    ["application/rss+xml", "attachment"],
    ["image/png", null],
    ["text/plain", null],
  ])(
    "a stored %s is served with nosniff and Content-Disposition %s",
    async (contentType, disposition) => {
      const upload = await fetch(await client.mutation(api.files.uploadUrl, {}), {
        method: "POST",
        headers: { "Content-Type": contentType },
        body: "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
      });
      const { storageId } = (await upload.json()) as { storageId: Id<"_storage"> };
      const url = (await client.query(api.files.url, { id: storageId }))!;
      for (const method of ["GET", "HEAD"]) {
        const response = await fetch(url, { method });
        expect(response.headers.get("content-type")).toBe(contentType);
        expect(response.headers.get("x-content-type-options")).toBe("nosniff");
        expect(response.headers.get("content-disposition")).toBe(disposition);
      }
    },
  );
});
