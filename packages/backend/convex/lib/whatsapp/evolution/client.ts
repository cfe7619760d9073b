import type { GatewayState } from "../events";
import { GatewayError } from "../gatewayError";

export class EvolutionError extends GatewayError {
  override name = "EvolutionError";
}

export type EvolutionInstance = { serverUrl: string; instanceName: string; apiKey: string };

export type OutboundMedia = {
  mediatype: "image" | "video" | "document" | "audio";
  mimetype: string;
  fileName: string;
  caption?: string;
  /** Base64 of the file, as Evolution's sendMedia takes it. */
  media: string;
};

const TIMEOUT_MS = 20_000;

/** The Evolution API (v2) endpoints Echo uses, with the instance's API key. */
export function evolutionClient({ serverUrl, instanceName, apiKey }: EvolutionInstance) {
  const base = serverUrl.replace(/\/+$/, "");
  const instance = encodeURIComponent(instanceName);
  async function call(method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: { apikey: apiKey, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new EvolutionError(`Evolution API did not answer: ${String(error)}`, null);
    }
    const text = await response.text();
    if (!response.ok)
      throw new EvolutionError(
        `Evolution API answered ${response.status}: ${text.slice(0, 300)}`,
        response.status,
      );
    return text ? (JSON.parse(text) as unknown) : null;
  }
  const sentId = (result: unknown): string => {
    const id = (result as { key?: { id?: unknown } } | null)?.key?.id;
    if (typeof id !== "string")
      throw new EvolutionError("Evolution API returned no message id", 502);
    return id;
  };
  return {
    async connectionState(): Promise<GatewayState> {
      const result = (await call("GET", `/instance/connectionState/${instance}`)) as {
        instance?: { state?: string };
      } | null;
      const state = result?.instance?.state;
      return state === "open"
        ? "connected"
        : state === "connecting"
          ? "qr"
          : state === "close"
            ? "disconnected"
            : "unknown";
    },
    async setWebhook(url: string): Promise<void> {
      await call("POST", `/webhook/set/${instance}`, {
        webhook: {
          enabled: true,
          url,
          byEvents: false,
          base64: true,
          events: ["MESSAGES_UPSERT", "MESSAGES_UPDATE", "CONNECTION_UPDATE", "QRCODE_UPDATED"],
        },
      });
    },
    async sendText(number: string, text: string, quotedId?: string): Promise<string> {
      return sentId(
        await call("POST", `/message/sendText/${instance}`, {
          number,
          text,
          ...(quotedId ? { quoted: { key: { id: quotedId } } } : {}),
        }),
      );
    },
    /** A received message's file, when the webhook came without its base64. */
    async mediaBase64(messageId: string): Promise<{ base64: string; mimetype?: string }> {
      const result = (await call("POST", `/chat/getBase64FromMediaMessage/${instance}`, {
        message: { key: { id: messageId } },
        convertToMp4: false,
      })) as { base64?: unknown; mimetype?: unknown } | null;
      if (typeof result?.base64 !== "string" || !result.base64)
        throw new EvolutionError("Evolution API returned no media", 502);
      return {
        base64: result.base64,
        ...(typeof result.mimetype === "string" ? { mimetype: result.mimetype } : {}),
      };
    },
    async sendMedia(number: string, media: OutboundMedia): Promise<string> {
      return sentId(await call("POST", `/message/sendMedia/${instance}`, { number, ...media }));
    },
  };
}
