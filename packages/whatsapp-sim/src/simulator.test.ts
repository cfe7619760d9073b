import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, describe, expect, test } from "vitest";

import { startWhatsAppSim, type WhatsAppSim } from "./simulator.ts";

type Received = { event: string; instance: string; apikey: string; data: Record<string, unknown> };

/** A stand-in for Echo's webhook route: keeps what the simulator posts. */
async function webhookReceiver() {
  const received: Received[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push(JSON.parse(body) as Received);
      response.writeHead(200).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const KEY = "sim-key";
let sim: WhatsAppSim;
let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

async function start(file?: string) {
  sim = await startWhatsAppSim({ port: 0, apiKey: KEY, instanceName: "shop", file });
  closers.push(sim.close);
  return sim;
}

const call = (path: string, body?: unknown, apikey = KEY) =>
  fetch(`${sim.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { apikey, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function until<T>(read: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("condition not met");
}

describe("the Evolution API endpoints", () => {
  test("refuse a wrong key and an unknown instance", async () => {
    await start();
    expect((await call("/instance/connectionState/shop", undefined, "wrong")).status).toBe(401);
    expect((await call("/instance/connectionState/other")).status).toBe(404);
    expect(await (await call("/instance/connectionState/shop")).json()).toEqual({
      instance: { instanceName: "shop", state: "open" },
    });
  });

  test("sendText keeps the message, answers its key and reports delivery to the webhook", async () => {
    await start();
    const hook = await webhookReceiver();
    closers.push(hook.close);
    await call("/webhook/set/shop", { webhook: { enabled: true, url: hook.url } });
    const response = await call("/message/sendText/shop", { number: "5511987654321", text: "Hi" });
    expect(response.status).toBe(201);
    const sent = (await response.json()) as {
      key: { id: string; fromMe: boolean; remoteJid: string };
    };
    expect(sent.key).toMatchObject({ fromMe: true, remoteJid: "5511987654321@s.whatsapp.net" });
    expect(sim.messages()).toMatchObject([{ id: sent.key.id, direction: "out", text: "Hi" }]);
    const update = await until(() => hook.received.find((e) => e.event === "messages.update"));
    expect(update).toMatchObject({
      instance: "shop",
      apikey: KEY,
      data: { keyId: sent.key.id, status: "DELIVERY_ACK" },
    });
  });

  test("failNextSends answers the given status once, then sends again", async () => {
    await start();
    sim.failNextSends(500);
    const body = { number: "5511987654321", text: "Hi" };
    expect((await call("/message/sendText/shop", body)).status).toBe(500);
    expect((await call("/message/sendText/shop", body)).status).toBe(201);
    expect(sim.messages()).toHaveLength(1);
  });
});

describe("the phone", () => {
  test("a customer's text and photo reach the webhook as messages.upsert", async () => {
    await start();
    const hook = await webhookReceiver();
    closers.push(hook.close);
    await call("/webhook/set/shop", { webhook: { url: hook.url } });
    await sim.sendFromPhone({ phone: "+55 11 98765-4321", name: "Maria", text: "Olá" });
    await sim.sendFromPhone({
      phone: "+5511987654321",
      image: { base64: "aGVsbG8=", mimetype: "image/png" },
    });
    const upserts = hook.received.filter((e) => e.event === "messages.upsert");
    expect(upserts[0]!.data).toMatchObject({
      key: { remoteJid: "5511987654321@s.whatsapp.net", fromMe: false },
      pushName: "Maria",
      message: { conversation: "Olá" },
    });
    expect(upserts[1]!.data).toMatchObject({
      message: { imageMessage: { mimetype: "image/png" }, base64: "aGVsbG8=" },
    });
  });

  test("with base64 omitted, a photo's upsert has none and /chat/getBase64FromMediaMessage serves it", async () => {
    await start();
    const hook = await webhookReceiver();
    closers.push(hook.close);
    await call("/webhook/set/shop", { webhook: { url: hook.url } });
    sim.omitMediaBase64();
    const photo = await sim.sendFromPhone({
      phone: "+5511987654321",
      text: "my receipt",
      image: { base64: "aGVsbG8=", mimetype: "image/png", fileName: "receipt.png" },
    });
    const upsert = hook.received.find((e) => e.event === "messages.upsert")!;
    expect(upsert.data.message).toEqual({
      imageMessage: { mimetype: "image/png", caption: "my receipt" },
    });
    const download = (id: string, apikey = KEY) =>
      call(
        "/chat/getBase64FromMediaMessage/shop",
        { message: { key: { id } }, convertToMp4: false },
        apikey,
      );
    const served = await download(photo.id);
    expect(served.status).toBe(201);
    expect(await served.json()).toMatchObject({
      mediaType: "imageMessage",
      mimetype: "image/png",
      fileName: "receipt.png",
      base64: "aGVsbG8=",
    });
    expect((await download(photo.id, "wrong")).status).toBe(401);
    expect((await download("3EB0NOSUCHMESSAGE")).status).toBe(400);
    sim.failNextMediaDownloads(500);
    expect((await download(photo.id)).status).toBe(500);
    expect((await download(photo.id)).status).toBe(201);
  });

  test("messages survive a restart through the file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "wa-sim-")), "messages.jsonl");
    await start(file);
    await sim.sendFromPhone({ phone: "+5511987654321", text: "kept" });
    await sim.close();
    closers = [];
    await start(file);
    expect(sim.messages()).toMatchObject([{ text: "kept", direction: "in" }]);
  });
});
