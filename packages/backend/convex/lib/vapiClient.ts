import pRetry, { AbortError } from "p-retry";

/**
 * Every call Echo makes to Vapi's REST API. 429 and 5xx responses (and network failures) are
 * retried with exponential backoff; anything else fails at once with a reason the dashboard shows.
 */

export const DEFAULT_VAPI_API_URL = "https://api.vapi.ai";

export type VapiFailure = "unauthorized" | "rate_limited" | "unavailable" | "rejected";

export class VapiError extends Error {
  override name = "VapiError";
  constructor(
    readonly reason: VapiFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export type VapiAssistant = { id: string; name: string | null; createdAt: string | null };
export type VapiPhoneNumber = {
  id: string;
  number: string | null;
  name: string | null;
  provider: string | null;
  assistantId: string | null;
  status: string | null;
};

type Json = Record<string, unknown>;

const text = (value: unknown) => (typeof value === "string" && value ? value : null);

/** Vapi errors look like { message: string | string[], error, statusCode }. */
async function describe(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as Json | null;
  const message = Array.isArray(body?.message) ? body.message.join("; ") : text(body?.message);
  return message ?? `HTTP ${response.status}`;
}

export const RETRY_OPTIONS = { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 2000 };

export function vapiClient(apiKey: string, baseUrl = process.env.VAPI_API_URL) {
  const root = (baseUrl || DEFAULT_VAPI_API_URL).replace(/\/+$/, "");

  async function attempt(path: string): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${root}${path}`, {
        headers: { Authorization: `Bearer ${apiKey}`, Accept: "application/json" },
      });
    } catch (error) {
      throw new VapiError("unavailable", `Vapi is unreachable: ${String(error)}`);
    }
    if (response.ok) return await response.json();
    const message = await describe(response);
    if (response.status === 429) throw new VapiError("rate_limited", message, 429);
    if (response.status >= 500) throw new VapiError("unavailable", message, response.status);
    const reason = response.status === 401 || response.status === 403 ? "unauthorized" : "rejected";
    throw new AbortError(new VapiError(reason, message, response.status));
  }

  async function get(path: string): Promise<unknown> {
    try {
      return await pRetry(() => attempt(path), RETRY_OPTIONS);
    } catch (error) {
      const cause = error instanceof AbortError ? error.originalError : error;
      if (cause instanceof VapiError) throw cause;
      throw new VapiError("unavailable", String(cause));
    }
  }

  /** Lists come back as arrays; newer paginated endpoints wrap them in { results }. */
  async function list(path: string): Promise<Json[]> {
    const body = await get(path);
    const items = Array.isArray(body) ? body : (body as Json | null)?.results;
    if (!Array.isArray(items)) throw new VapiError("rejected", `Unexpected response from ${path}`);
    return items.filter((item): item is Json => typeof item === "object" && item !== null);
  }

  return {
    async listAssistants(): Promise<VapiAssistant[]> {
      return (await list("/assistant")).flatMap((a) => {
        const id = text(a.id);
        return id ? [{ id, name: text(a.name), createdAt: text(a.createdAt) }] : [];
      });
    },
    async listPhoneNumbers(): Promise<VapiPhoneNumber[]> {
      return (await list("/phone-number")).flatMap((p) => {
        const id = text(p.id);
        return id
          ? [
              {
                id,
                number: text(p.number) ?? text(p.sipUri),
                name: text(p.name),
                provider: text(p.provider),
                assistantId: text(p.assistantId),
                status: text(p.status),
              },
            ]
          : [];
      });
    },
  };
}
