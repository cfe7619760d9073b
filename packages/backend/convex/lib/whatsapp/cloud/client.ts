import { GatewayError } from "../gatewayError";
import type { TemplateSend } from "../events";

/** Graph error codes for throttling and Meta's transient failures, sent with HTTP 400 too. */
const RETRYABLE_CODES = new Set([4, 80007, 130429, 131000, 131016, 131056, 133004]);

export class CloudApiError extends GatewayError {
  override name = "CloudApiError";
  constructor(
    message: string,
    status: number | null,
    readonly code?: number,
  ) {
    super(message, status);
  }
  override get retryable(): boolean {
    return super.retryable || (this.code !== undefined && RETRYABLE_CODES.has(this.code));
  }
}

export const DEFAULT_CLOUD_API_URL = "https://graph.facebook.com/v21.0";

/** The Graph API's base, versioned; tests point it at a fake. */
export function cloudApiUrl(): string {
  return (process.env.WHATSAPP_CLOUD_API_URL || DEFAULT_CLOUD_API_URL).replace(/\/+$/, "");
}

export type CloudNumber = { phoneNumberId: string; businessAccountId: string; accessToken: string };

export type ApprovedTemplate = {
  name: string;
  language: string;
  category?: string;
  /** The BODY component's text, with `{{1}}`, `{{2}}`… where the parameters go. */
  body: string;
  parameterCount: number;
};

export type CloudMediaType = "image" | "audio" | "video" | "document";

const TIMEOUT_MS = 20_000;

type GraphError = { error?: { message?: string; code?: number; error_subcode?: number } };

function graphError(status: number, text: string): CloudApiError {
  let parsed: GraphError | null;
  try {
    parsed = JSON.parse(text) as GraphError;
  } catch {
    parsed = null;
  }
  const detail = parsed?.error?.message ?? text.slice(0, 300);
  const code = parsed?.error?.code;
  const named = code !== undefined ? ` (code ${code})` : "";
  return new CloudApiError(
    `WhatsApp Cloud API answered ${status}${named}: ${detail}`,
    status,
    code,
  );
}

/** Placeholders are `{{1}}`…; the count is the highest number used. */
export function templateParameterCount(body: string): number {
  return Math.max(0, ...Array.from(body.matchAll(/\{\{\s*(\d+)\s*\}\}/g), (m) => Number(m[1])));
}

/** The Cloud API (Graph) endpoints Echo uses, with the number's access token. */
export function cloudClient({ phoneNumberId, businessAccountId, accessToken }: CloudNumber) {
  const base = cloudApiUrl();
  const auth = { authorization: `Bearer ${accessToken}` };
  async function send(url: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, {
        ...init,
        headers: { ...auth, ...init.headers },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new CloudApiError(`WhatsApp Cloud API did not answer: ${String(error)}`, null);
    }
    if (!response.ok) throw graphError(response.status, await response.text());
    return response;
  }
  async function call(method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
    const response = await send(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : null;
  }
  const phone = encodeURIComponent(phoneNumberId);
  async function message(to: string, fields: Record<string, unknown>): Promise<string> {
    const result = (await call("POST", `/${phone}/messages`, {
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to,
      ...fields,
    })) as { messages?: { id?: unknown }[] } | null;
    const id = result?.messages?.[0]?.id;
    if (typeof id !== "string")
      throw new CloudApiError("WhatsApp Cloud API returned no message id", 502);
    return id;
  }
  return {
    async phoneNumber(): Promise<{ displayPhoneNumber: string; verifiedName?: string }> {
      const result = (await call("GET", `/${phone}?fields=display_phone_number,verified_name`)) as {
        display_phone_number?: unknown;
        verified_name?: unknown;
      } | null;
      if (typeof result?.display_phone_number !== "string")
        throw new CloudApiError("WhatsApp Cloud API returned no phone number", 502);
      return {
        displayPhoneNumber: result.display_phone_number,
        ...(typeof result.verified_name === "string" ? { verifiedName: result.verified_name } : {}),
      };
    },
    async approvedTemplates(): Promise<ApprovedTemplate[]> {
      const result = (await call(
        "GET",
        `/${encodeURIComponent(businessAccountId)}/message_templates?status=APPROVED&limit=100`,
      )) as { data?: Record<string, unknown>[] } | null;
      const templates: ApprovedTemplate[] = [];
      for (const item of result?.data ?? []) {
        if (item.status !== "APPROVED" || typeof item.name !== "string") continue;
        const components = Array.isArray(item.components)
          ? (item.components as Record<string, unknown>[])
          : [];
        const body = components.find((c) => c.type === "BODY")?.text;
        const text = typeof body === "string" ? body : "";
        templates.push({
          name: item.name,
          language: typeof item.language === "string" ? item.language : "en_US",
          ...(typeof item.category === "string" ? { category: item.category } : {}),
          body: text,
          parameterCount: templateParameterCount(text),
        });
      }
      return templates;
    },
    async sendText(to: string, body: string): Promise<string> {
      return await message(to, { type: "text", text: { preview_url: false, body } });
    },
    async sendTemplate(to: string, { name, language, parameters }: TemplateSend): Promise<string> {
      return await message(to, {
        type: "template",
        template: {
          name,
          language: { code: language },
          ...(parameters.length > 0
            ? {
                components: [
                  { type: "body", parameters: parameters.map((text) => ({ type: "text", text })) },
                ],
              }
            : {}),
        },
      });
    },
    /** Uploads the file to the number's media, then sends it by the id Meta gives back. */
    async sendMedia(
      to: string,
      media: { type: CloudMediaType; blob: Blob; fileName: string; caption?: string },
    ): Promise<string> {
      const form = new FormData();
      form.append("messaging_product", "whatsapp");
      form.append("type", media.blob.type);
      form.append("file", media.blob, media.fileName);
      const uploaded = (await (
        await send(`${base}/${phone}/media`, { method: "POST", body: form })
      ).json()) as { id?: unknown };
      if (typeof uploaded.id !== "string")
        throw new CloudApiError("WhatsApp Cloud API returned no media id", 502);
      return await message(to, {
        type: media.type,
        [media.type]: {
          id: uploaded.id,
          ...(media.type === "document" ? { filename: media.fileName } : {}),
          ...(media.caption && media.type !== "audio" ? { caption: media.caption } : {}),
        },
      });
    },
    /** A customer's file: its URL from the media id, then the bytes with the same token. */
    async downloadMedia(mediaId: string): Promise<Blob> {
      const info = (await call("GET", `/${encodeURIComponent(mediaId)}`)) as {
        url?: unknown;
        mime_type?: unknown;
      } | null;
      if (typeof info?.url !== "string")
        throw new CloudApiError("WhatsApp Cloud API returned no media URL", 502);
      const response = await send(info.url, { method: "GET" });
      const type = typeof info.mime_type === "string" ? info.mime_type : "application/octet-stream";
      return new Blob([await response.arrayBuffer()], { type });
    },
  };
}
