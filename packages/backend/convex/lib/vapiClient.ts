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
    /** How long Vapi asked us to wait before trying again (its Retry-After), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Longest Retry-After honoured inside one call; a longer one fails at once as rate limited. */
export const MAX_RETRY_AFTER_MS = 10_000;

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or invalid. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header?.trim()) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
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

  type Request = { method?: "GET" | "POST"; body?: unknown; invalidBodyIsOk?: boolean };

  async function attempt(path: string, request: Request): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${root}${path}`, {
        method: request.method ?? "GET",
        headers: {
          Authorization: `Bearer ${apiKey}`,
          Accept: "application/json",
          ...(request.body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      });
    } catch (error) {
      throw new VapiError("unavailable", `Vapi is unreachable: ${String(error)}`);
    }
    if (response.ok) return await response.json();
    // The key passed Vapi's check and only the body was refused.
    if (response.status === 400 && request.invalidBodyIsOk) return null;
    const message = await describe(response);
    if (response.status === 429) {
      const wait = retryAfterMs(response.headers.get("retry-after"));
      const error = new VapiError("rate_limited", message, 429, wait);
      if (wait !== undefined && wait > MAX_RETRY_AFTER_MS) throw new AbortError(error);
      throw error;
    }
    if (response.status >= 500) throw new VapiError("unavailable", message, response.status);
    const reason = response.status === 401 || response.status === 403 ? "unauthorized" : "rejected";
    throw new AbortError(new VapiError(reason, message, response.status));
  }

  async function send(path: string, request: Request = {}): Promise<unknown> {
    try {
      return await pRetry(() => attempt(path, request), {
        ...RETRY_OPTIONS,
        // Vapi's Retry-After comes first; the backoff is added on top of it.
        onFailedAttempt: async ({ error }) => {
          const wait = error instanceof VapiError ? error.retryAfterMs : undefined;
          if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
        },
      });
    } catch (error) {
      const cause = error instanceof AbortError ? error.originalError : error;
      if (cause instanceof VapiError) throw cause;
      throw new VapiError("unavailable", String(cause));
    }
  }

  /** Lists come back as arrays; newer paginated endpoints wrap them in { results }. */
  async function list(path: string): Promise<Json[]> {
    const body = await send(path);
    const items = Array.isArray(body) ? body : (body as Json | null)?.results;
    if (!Array.isArray(items)) throw new VapiError("rejected", `Unexpected response from ${path}`);
    return items.filter((item): item is Json => typeof item === "object" && item !== null);
  }

  return {
    /**
     * Checks that this is a valid public key without starting a call. Vapi scopes public keys to
     * web-call creation alone (every other endpoint answers them 401) and checks the key before
     * the body, so an empty web-call request is refused with 400 for a valid public key and with
     * 401 for anything else.
     */
    async checkPublicKey(): Promise<void> {
      await send("/call/web", { method: "POST", body: {}, invalidBodyIsOk: true });
    },
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
