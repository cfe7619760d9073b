import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import {
  messageBody,
  statusBody,
  type CloudNumberIds,
  type CloudStatus,
  type InboundCloudMessage,
} from "./webhookBodies.ts";

/** A request the fake received, for tests to assert on. */
export type CloudRequest = { method: string; path: string; body: unknown };

/** A message the business sent through `POST /<phone-number-id>/messages`. */
export type CloudSent = { id: string; to: string; type: string; body: Record<string, unknown> };

export type CloudTemplate = {
  name: string;
  language: string;
  status: "APPROVED" | "PENDING" | "REJECTED";
  category: string;
  body: string;
};

export type FakeCloudApi = {
  /** The Graph API base URL (what `WHATSAPP_CLOUD_API_URL` points at). */
  url: string;
  ids: CloudNumberIds;
  accessToken: string;
  appSecret: string;
  /** Where signed webhooks go (the connection's `<site>/webhooks/whatsapp/cloud/<id>`). */
  setWebhook: (url: string | null) => void;
  requests: () => CloudRequest[];
  sent: () => CloudSent[];
  /** A customer's message, posted signed to the webhook; resolves with Echo's answer. */
  sendFromPhone: (input: PhoneMessageInput) => Promise<{ id: string; response: Response }>;
  /** A delivery status for a sent message, posted signed. */
  sendStatus: (
    status: Omit<CloudStatus, "timestamp" | "recipient"> & { recipient?: string },
  ) => Promise<Response>;
  /** Any body, signed with the app secret unless `signature` is given (null: no header). */
  postWebhook: (body: unknown, signature?: string | null) => Promise<Response>;
  /** A file the phone "uploaded": its media id, served at `GET /<media-id>`. */
  addMedia: (bytes: Uint8Array, mimeType: string) => string;
  /** The next `count` message sends answer `status` (e.g. 500) with Graph error `code`. */
  failNextSends: (status: number, count?: number, code?: number) => void;
  close: () => Promise<void>;
};

export type PhoneMessageInput = {
  phone: string;
  name?: string;
  text?: string;
  /** Any other Cloud API message type, with its object (e.g. `{ type: "location", content }`). */
  type?: string;
  content?: Record<string, unknown>;
  contacts?: Record<string, unknown>[];
  replyTo?: string;
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
};

const DEFAULT_TEMPLATES: CloudTemplate[] = [
  {
    name: "order_update",
    language: "en_US",
    status: "APPROVED",
    category: "UTILITY",
    body: "Hello {{1}}, your order {{2}} has an update. Reply to continue.",
  },
  {
    name: "follow_up",
    language: "pt_BR",
    status: "APPROVED",
    category: "UTILITY",
    body: "Olá! Ainda podemos ajudar com a sua conversa?",
  },
  {
    name: "spring_sale",
    language: "en_US",
    status: "PENDING",
    category: "MARKETING",
    body: "Our spring sale starts {{1}}.",
  },
];

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function json(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}

function graphError(response: ServerResponse, status: number, message: string, code: number) {
  json(response, status, { error: { message, type: "OAuthException", code, fbtrace_id: "fake" } });
}

/**
 * A stand-in for Meta's Graph API with one WhatsApp number: the endpoints Echo calls (phone
 * number, message templates, messages, media upload and download) in Meta's documented shapes,
 * bearer-token checked, every request recorded; and signed webhooks to Echo.
 */
export async function startFakeCloudApi(
  options: {
    port?: number;
    host?: string;
    phoneNumberId?: string;
    businessAccountId?: string;
    displayPhoneNumber?: string;
    verifiedName?: string;
    accessToken?: string;
    appSecret?: string;
    templates?: CloudTemplate[];
    /** Post `sent` and `delivered` statuses after each send (default true). */
    autoStatuses?: boolean;
  } = {},
): Promise<FakeCloudApi> {
  const ids: CloudNumberIds = {
    phoneNumberId: options.phoneNumberId ?? "106540352242922",
    businessAccountId: options.businessAccountId ?? "102290129340398",
    displayPhoneNumber: options.displayPhoneNumber ?? "+1 555-010-4477",
  };
  const accessToken = options.accessToken ?? "fake-cloud-access-token";
  const appSecret = options.appSecret ?? "fake-cloud-app-secret";
  const templates = options.templates ?? DEFAULT_TEMPLATES;
  const recorded: CloudRequest[] = [];
  const sent: CloudSent[] = [];
  const media = new Map<string, { bytes: Uint8Array; mimeType: string }>();
  let webhook: string | null = null;
  let failures: { status: number; count: number; code?: number } | null = null;
  let url = "";

  const sign = (raw: string) =>
    `sha256=${createHmac("sha256", appSecret).update(raw).digest("hex")}`;
  async function postWebhook(body: unknown, signature?: string | null): Promise<Response> {
    if (!webhook) throw new Error("The fake Cloud API has no webhook URL");
    const raw = JSON.stringify(body);
    const header = signature === undefined ? sign(raw) : signature;
    return await fetch(webhook, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(header === null ? {} : { "x-hub-signature-256": header }),
      },
      body: raw,
    });
  }
  const now = () => String(Math.floor(Date.now() / 1000));
  async function sendStatus(
    status: Omit<CloudStatus, "timestamp" | "recipient"> & { recipient?: string },
  ) {
    const to = status.recipient ?? sent.find((message) => message.id === status.id)?.to ?? "";
    return await postWebhook(statusBody(ids, { ...status, recipient: to, timestamp: now() }));
  }

  function handle(request: IncomingMessage, response: ServerResponse, raw: Buffer) {
    const address = new URL(request.url ?? "/", url);
    const path = address.pathname.replace(/^\/+/, "");
    const contentType = request.headers["content-type"] ?? "";
    let body: unknown = null;
    if (contentType.includes("application/json") && raw.length > 0) {
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        body = null;
      }
    }
    recorded.push({ method: request.method ?? "GET", path: `/${path}${address.search}`, body });
    if (request.headers.authorization !== `Bearer ${accessToken}`)
      return graphError(response, 401, "Invalid OAuth access token.", 190);
    const [first, second] = path.split("/");
    if (request.method === "GET" && path.startsWith("download/")) {
      const file = media.get(path.slice("download/".length));
      if (!file) return graphError(response, 404, "Unknown media", 100);
      response.writeHead(200, { "content-type": file.mimeType });
      return response.end(Buffer.from(file.bytes));
    }
    if (request.method === "GET" && first === ids.phoneNumberId && !second)
      return json(response, 200, {
        id: ids.phoneNumberId,
        display_phone_number: ids.displayPhoneNumber,
        verified_name: options.verifiedName ?? "Echo Demo",
        quality_rating: "GREEN",
      });
    if (
      request.method === "GET" &&
      first === ids.businessAccountId &&
      second === "message_templates"
    ) {
      const wanted = address.searchParams.get("status");
      return json(response, 200, {
        data: templates
          .filter((template) => !wanted || template.status === wanted)
          .map((template, index) => ({
            id: String(900000 + index),
            name: template.name,
            language: template.language,
            status: template.status,
            category: template.category,
            components: [{ type: "BODY", text: template.body }],
          })),
        paging: { cursors: { before: "b", after: "a" } },
      });
    }
    if (request.method === "GET" && first && !second && media.has(first)) {
      const file = media.get(first)!;
      return json(response, 200, {
        messaging_product: "whatsapp",
        url: `${url}/download/${first}`,
        mime_type: file.mimeType,
        sha256: "fake",
        file_size: file.bytes.length,
        id: first,
      });
    }
    if (request.method === "POST" && first === ids.phoneNumberId && second === "media")
      return void uploadMedia(request, raw, response);
    if (request.method === "POST" && first === ids.phoneNumberId && second === "messages") {
      if (failures && failures.count > 0) {
        failures.count--;
        const code = failures.code ?? (failures.status === 429 ? 130429 : 1);
        return graphError(response, failures.status, "Fake failure", code);
      }
      const message = body as Record<string, unknown> | null;
      if (message?.messaging_product !== "whatsapp" || typeof message.to !== "string")
        return graphError(response, 400, "(#100) Invalid parameter", 100);
      const id = `wamid.${randomBytes(12).toString("hex")}`;
      sent.push({ id, to: message.to, type: String(message.type), body: message });
      json(response, 200, {
        messaging_product: "whatsapp",
        contacts: [{ input: message.to, wa_id: message.to }],
        messages: [{ id }],
      });
      if (options.autoStatuses !== false && webhook)
        void (async () => {
          await sendStatus({ id, status: "sent" });
          await sendStatus({ id, status: "delivered" });
        })().catch(() => undefined);
      return;
    }
    graphError(response, 400, `Unsupported request ${request.method} /${path}`, 100);
  }

  async function uploadMedia(request: IncomingMessage, raw: Buffer, response: ServerResponse) {
    const form = await new Request(url, {
      method: "POST",
      headers: { "content-type": request.headers["content-type"] ?? "" },
      body: new Uint8Array(raw),
    }).formData();
    const file = form.get("file");
    if (form.get("messaging_product") !== "whatsapp" || !(file instanceof Blob))
      return graphError(response, 400, "(#100) Invalid parameter", 100);
    const id = addMedia(new Uint8Array(await file.arrayBuffer()), file.type);
    json(response, 200, { id });
  }

  function addMedia(bytes: Uint8Array, mimeType: string): string {
    const id = String(1_000_000_000 + media.size);
    media.set(id, { bytes, mimeType });
    return id;
  }

  const server = createServer((request, response) => {
    readBody(request)
      .then((raw) => handle(request, response, raw))
      .catch((error: unknown) => graphError(response, 500, String(error), 1));
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve),
  );
  url = `http://${options.host ?? "127.0.0.1"}:${(server.address() as AddressInfo).port}`;

  return {
    url,
    ids,
    accessToken,
    appSecret,
    setWebhook: (target) => {
      webhook = target;
    },
    requests: () => [...recorded],
    sent: () => [...sent],
    async sendFromPhone(input) {
      const id = `wamid.${randomBytes(12).toString("hex")}`;
      const message: InboundCloudMessage = {
        from: input.phone.replace(/\D/g, ""),
        name: input.name,
        id,
        timestamp: String(input.timestamp ?? Math.floor(Date.now() / 1000)),
        type: input.type ?? "text",
        content: input.type ? input.content : { body: input.text ?? "" },
        contacts: input.contacts,
        replyTo: input.replyTo,
      };
      return { id, response: await postWebhook(messageBody(ids, message)) };
    },
    sendStatus,
    postWebhook,
    addMedia,
    failNextSends: (status, count = 1, code) => {
      failures = { status, count, code };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
