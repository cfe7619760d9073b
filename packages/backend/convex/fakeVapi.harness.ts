import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for Vapi's REST API (https://api.vapi.ai) serving its documented JSON shapes:
 * GET /assistant and GET /phone-number as arrays with the private key; POST /call/web is the one
 * endpoint the public key may call (here refused with 400 for lack of an assistant, after the
 * key check); Vapi's error bodies otherwise.
 */

export const FAKE_PRIVATE_KEY = "9a8b7c6d-private-0000-0000-000000000001";
export const FAKE_PUBLIC_KEY = "1f2e3d4c-public-0000-0000-000000000002";

export const ASSISTANTS = [
  {
    id: "asst_1",
    orgId: "vapi_org_1",
    name: "Support line",
    createdAt: "2026-01-05T10:00:00.000Z",
    updatedAt: "2026-01-05T10:00:00.000Z",
    model: { provider: "openai", model: "gpt-4o" },
    voice: { provider: "11labs", voiceId: "burt" },
  },
  {
    id: "asst_2",
    orgId: "vapi_org_1",
    createdAt: "2026-01-06T10:00:00.000Z",
    updatedAt: "2026-01-06T10:00:00.000Z",
  },
];

export const PHONE_NUMBERS = [
  {
    id: "pn_1",
    orgId: "vapi_org_1",
    provider: "vapi",
    number: "+15550100",
    name: "Front desk",
    assistantId: "asst_1",
    status: "active",
    createdAt: "2026-01-05T10:00:00.000Z",
    updatedAt: "2026-01-05T10:00:00.000Z",
  },
];

export type FakeVapi = {
  url: string;
  requests: { method: string; path: string; authorization: string | undefined; at: number }[];
  /**
   * The next `count` requests answer `status`; a 429 carries Retry-After (seconds or an HTTP
   * date, "0" unless told), as Vapi sends it.
   */
  failNext(status: number, count?: number, retryAfter?: string): void;
  close(): Promise<void>;
};

export async function startFakeVapi(): Promise<FakeVapi> {
  const failures: { status: number; retryAfter: string }[] = [];
  const requests: FakeVapi["requests"] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    requests.push({
      method: req.method ?? "GET",
      path,
      authorization: req.headers.authorization,
      at: Date.now(),
    });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    const failure = failures.shift();
    if (failure?.status === 429)
      return send(
        429,
        { message: "Too Many Requests", error: "Too Many Requests", statusCode: 429 },
        { "retry-after": failure.retryAfter },
      );
    if (failure)
      return send(failure.status, {
        message: "Internal server error",
        error: "Internal Server Error",
        statusCode: failure.status,
      });
    const key = req.headers.authorization?.replace(/^Bearer /, "");
    // Public keys are scoped to web-call creation; every other endpoint takes the private key.
    const webCall = req.method === "POST" && path === "/call/web";
    if (key !== (webCall ? FAKE_PUBLIC_KEY : FAKE_PRIVATE_KEY))
      return send(401, {
        message:
          "Invalid Key. Hot tip, you may be using the private key instead of the public key, or vice versa.",
        error: "Unauthorized",
        statusCode: 401,
      });
    if (webCall)
      return send(400, {
        message: ["assistant or assistantId or squad or squadId must be provided"],
        error: "Bad Request",
        statusCode: 400,
      });
    if (req.method === "GET" && path === "/assistant") return send(200, ASSISTANTS);
    if (req.method === "GET" && path === "/phone-number") return send(200, PHONE_NUMBERS);
    send(404, { message: `Cannot ${req.method} ${path}`, error: "Not Found", statusCode: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext(status, count = 1, retryAfter = "0") {
      for (let i = 0; i < count; i++) failures.push({ status, retryAfter });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
