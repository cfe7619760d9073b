import { randomBytes, timingSafeEqual } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";

import { renderPhonePage } from "./phonePage.ts";

/** One message on the simulated WhatsApp: `in` is from a customer's phone, `out` from the business. */
export type SimMessage = {
  id: string;
  direction: "in" | "out";
  /** The customer's number, digits only (WhatsApp's form, as Evolution's `number`). */
  phone: string;
  name?: string;
  text?: string;
  media?: { mediatype: string; mimetype: string; fileName?: string; dataUrl: string };
  status: "sent" | "delivered" | "read";
  at: string;
};

export type WhatsAppSim = {
  /** The Evolution API base URL (and the phone page at `/`). */
  url: string;
  instanceName: string;
  apiKey: string;
  /** Where the instance posts its events, once Echo registered it with /webhook/set. */
  webhookUrl: () => string | null;
  messages: () => SimMessage[];
  /** A customer writes from their phone, as the phone page does. */
  sendFromPhone: (input: PhoneInput) => Promise<SimMessage>;
  /** The next `count` sends answer `status` (e.g. 500), for retry tests. */
  failNextSends: (status: number, count?: number) => void;
  /**
   * Webhooks carry media without its base64 (as Evolution does with webhook base64 off), so Echo
   * has to fetch it from /chat/getBase64FromMediaMessage.
   */
  omitMediaBase64: (omit?: boolean) => void;
  /** The next `count` media downloads answer `status` (e.g. 500). */
  failNextMediaDownloads: (status: number, count?: number) => void;
  close: () => Promise<void>;
};

export type PhoneInput = {
  phone: string;
  name?: string;
  text?: string;
  image?: { base64: string; mimetype: string; fileName?: string };
  replyTo?: string;
};

const MAX_BODY_BYTES = 20 * 1024 * 1024;

function load(file: string | undefined): SimMessage[] {
  if (!file || !existsSync(file)) return [];
  const byId = new Map<string, SimMessage>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line) continue;
    try {
      const message = JSON.parse(line) as SimMessage;
      byId.set(message.id, message);
    } catch {
      // A torn last line after a crash is skipped.
    }
  }
  return [...byId.values()];
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}

const messageId = () => `3EB0${randomBytes(8).toString("hex").toUpperCase()}`;
const digits = (value: unknown) => String(value ?? "").replace(/\D/g, "");
const jidOf = (phone: string) => `${phone}@s.whatsapp.net`;

/**
 * An Evolution API (v2) instance for local mode and tests: `GET /instance/connectionState/:name`,
 * `POST /webhook/set/:name`, `POST /message/sendText/:name` and `/message/sendMedia/:name`, each
 * checked against the instance's `apikey` header; events (`messages.upsert`, `messages.update`,
 * `connection.update`) are posted to the registered webhook with the key in the body, media as
 * base64, as Evolution does with webhook base64 on. The phone page at `/` chats as customers.
 */
export async function startWhatsAppSim(options: {
  port: number;
  host?: string;
  instanceName?: string;
  apiKey: string;
  file?: string;
  /** False: webhooks carry no media base64 (see `omitMediaBase64`). */
  webhookBase64?: boolean;
}): Promise<WhatsAppSim> {
  const host = options.host ?? "127.0.0.1";
  const instanceName = options.instanceName ?? "echo-demo";
  const messages = load(options.file);
  if (options.file) mkdirSync(dirname(options.file), { recursive: true });
  let webhookUrl: string | null = null;
  const failures: number[] = [];
  const mediaFailures: number[] = [];
  let withBase64 = options.webhookBase64 ?? true;
  const listeners = new Set<ServerResponse>();

  const persist = (message: SimMessage) => {
    if (options.file) appendFileSync(options.file, `${JSON.stringify(message)}\n`);
    for (const listener of listeners) listener.write(`data: ${JSON.stringify(message)}\n\n`);
  };

  const postEvent = async (event: string, data: unknown) => {
    if (!webhookUrl) return { ok: false, status: 0 };
    try {
      const response = await fetch(webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          event,
          instance: instanceName,
          data,
          destination: webhookUrl,
          date_time: new Date().toISOString(),
          server_url: `http://${host}`,
          apikey: options.apiKey,
        }),
      });
      return { ok: response.ok, status: response.status };
    } catch (error) {
      console.warn(`[whatsapp-sim] webhook ${event} failed: ${String(error)}`);
      return { ok: false, status: 0 };
    }
  };

  const setStatus = async (message: SimMessage, status: "delivered" | "read") => {
    message.status = status;
    persist(message);
    await postEvent("messages.update", {
      keyId: message.id,
      remoteJid: jidOf(message.phone),
      fromMe: true,
      status: status === "read" ? "READ" : "DELIVERY_ACK",
    });
  };

  const sendFromPhone = async (input: PhoneInput): Promise<SimMessage> => {
    const phone = digits(input.phone);
    const message: SimMessage = {
      id: messageId(),
      direction: "in",
      phone,
      ...(input.name ? { name: input.name } : {}),
      ...(input.text ? { text: input.text } : {}),
      ...(input.image
        ? {
            media: {
              mediatype: "image",
              mimetype: input.image.mimetype,
              ...(input.image.fileName ? { fileName: input.image.fileName } : {}),
              dataUrl: `data:${input.image.mimetype};base64,${input.image.base64}`,
            },
          }
        : {}),
      status: "delivered",
      at: new Date().toISOString(),
    };
    messages.push(message);
    persist(message);
    const contextInfo = input.replyTo ? { contextInfo: { stanzaId: input.replyTo } } : {};
    const payload = input.image
      ? {
          imageMessage: {
            mimetype: input.image.mimetype,
            caption: input.text ?? "",
            ...contextInfo,
          },
          ...(withBase64 ? { base64: input.image.base64 } : {}),
        }
      : input.replyTo
        ? { extendedTextMessage: { text: input.text ?? "", ...contextInfo } }
        : { conversation: input.text ?? "" };
    await postEvent("messages.upsert", {
      key: { remoteJid: jidOf(phone), fromMe: false, id: message.id },
      pushName: input.name ?? "",
      message: payload,
      messageType: input.image ? "imageMessage" : "conversation",
      messageTimestamp: Math.floor(Date.now() / 1000),
      instanceId: instanceName,
      source: "android",
    });
    return message;
  };

  const keyMatches = (request: IncomingMessage) => {
    const given = Buffer.from(String(request.headers.apikey ?? ""));
    const wanted = Buffer.from(options.apiKey);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  };

  const outbound = async (body: Record<string, unknown>, kind: "text" | "media") => {
    const phone = digits(body.number);
    const mimetype = String(body.mimetype ?? "application/octet-stream");
    const media = String(body.media ?? "");
    const message: SimMessage = {
      id: messageId(),
      direction: "out",
      phone,
      ...(kind === "text" ? { text: String(body.text ?? "") } : {}),
      ...(kind === "media" && body.caption ? { text: String(body.caption) } : {}),
      ...(kind === "media"
        ? {
            media: {
              mediatype: String(body.mediatype ?? "document"),
              mimetype,
              ...(body.fileName ? { fileName: String(body.fileName) } : {}),
              dataUrl: /^https?:/.test(media) ? media : `data:${mimetype};base64,${media}`,
            },
          }
        : {}),
      status: "sent",
      at: new Date().toISOString(),
    };
    messages.push(message);
    persist(message);
    // The phone receives it a moment later, as a real one acknowledges delivery.
    setTimeout(() => void setStatus(message, "delivered"), 50);
    return {
      key: { remoteJid: jidOf(phone), fromMe: true, id: message.id },
      message:
        kind === "text"
          ? { conversation: message.text }
          : { [`${message.media?.mediatype}Message`]: {} },
      messageTimestamp: Math.floor(Date.now() / 1000),
      status: "PENDING",
    };
  };

  /** Evolution's media download: the file of a message the instance received, as base64. */
  const mediaBase64 = (response: ServerResponse, body: Record<string, unknown>) => {
    const failure = mediaFailures.shift();
    if (failure) return send(response, failure, { status: failure, error: "Simulated failure" });
    const key = (body.message as { key?: { id?: unknown } } | undefined)?.key;
    const found = messages.find((message) => message.id === key?.id && message.media);
    const dataUrl = found?.media?.dataUrl.match(/^data:[^;,]*;base64,(.*)$/);
    if (!found?.media || !dataUrl)
      return send(response, 400, {
        status: 400,
        error: "Bad Request",
        response: { message: ["Message not found or has no media"] },
      });
    return send(response, 201, {
      mediaType: `${found.media.mediatype}Message`,
      fileName: found.media.fileName,
      caption: found.text,
      size: { fileLength: String(Buffer.from(dataUrl[1]!, "base64").length) },
      mimetype: found.media.mimetype,
      base64: dataUrl[1],
    });
  };

  const api = async (request: IncomingMessage, response: ServerResponse, path: string) => {
    const route = path.match(
      /^\/(instance\/connectionState|webhook\/set|message\/sendText|message\/sendMedia|chat\/getBase64FromMediaMessage)\/([^/]+)$/,
    );
    if (!route) return send(response, 404, { status: 404, error: "Not Found" });
    if (!keyMatches(request)) return send(response, 401, { status: 401, error: "Unauthorized" });
    if (decodeURIComponent(route[2]!) !== instanceName)
      return send(response, 404, {
        status: 404,
        error: "Not Found",
        response: { message: [`The "${route[2]}" instance does not exist`] },
      });
    if (route[1] === "instance/connectionState")
      return send(response, 200, { instance: { instanceName, state: "open" } });
    const body = await readJson(request);
    if (!body) return send(response, 400, { status: 400, error: "Bad Request" });
    if (route[1] === "webhook/set") {
      const webhook = (body.webhook ?? body) as Record<string, unknown>;
      webhookUrl = typeof webhook.url === "string" ? webhook.url : null;
      void postEvent("connection.update", {
        instance: instanceName,
        state: "open",
        statusReason: 200,
      });
      return send(response, 201, { webhook: { instanceName, webhook } });
    }
    if (route[1] === "chat/getBase64FromMediaMessage") return mediaBase64(response, body);
    const failure = failures.shift();
    if (failure) return send(response, failure, { status: failure, error: "Simulated failure" });
    if (!digits(body.number))
      return send(response, 400, { status: 400, error: "number is required" });
    return send(
      response,
      201,
      await outbound(body, route[1] === "message/sendText" ? "text" : "media"),
    );
  };

  const phoneApi = async (request: IncomingMessage, response: ServerResponse, path: string) => {
    if (path === "/phone/messages" && request.method === "GET")
      return send(response, 200, messages);
    if (path === "/phone/events" && request.method === "GET") {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
      response.write(": connected\n\n");
      listeners.add(response);
      request.on("close", () => listeners.delete(response));
      return;
    }
    if (path === "/phone/send" && request.method === "POST") {
      const body = await readJson(request);
      if (!body || !digits(body.phone)) return send(response, 400, { error: "phone is required" });
      const message = await sendFromPhone(body as unknown as PhoneInput);
      return send(response, 201, message);
    }
    if (path === "/phone/read" && request.method === "POST") {
      const body = await readJson(request);
      const phone = digits(body?.phone);
      for (const message of messages)
        if (message.direction === "out" && message.phone === phone && message.status !== "read")
          await setStatus(message, "read");
      return send(response, 200, { ok: true });
    }
    return send(response, 404, { error: "Not Found" });
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://sim").pathname;
    const handle =
      path === "/"
        ? Promise.resolve(
            void response
              .writeHead(200, { "content-type": "text/html; charset=utf-8" })
              .end(renderPhonePage(instanceName)),
          )
        : path.startsWith("/phone/")
          ? phoneApi(request, response, path)
          : api(request, response, path);
    handle.catch((error: unknown) => {
      console.error(`[whatsapp-sim] ${request.method} ${path} failed`, error);
      if (!response.headersSent) send(response, 500, { error: "Internal error" });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`,
    instanceName,
    apiKey: options.apiKey,
    webhookUrl: () => webhookUrl,
    messages: () => [...messages],
    sendFromPhone,
    failNextSends: (status, count = 1) => {
      for (let i = 0; i < count; i++) failures.push(status);
    },
    omitMediaBase64: (omit = true) => {
      withBase64 = !omit;
    },
    failNextMediaDownloads: (status, count = 1) => {
      for (let i = 0; i < count; i++) mediaFailures.push(status);
    },
    close: async () => {
      for (const listener of listeners) listener.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
