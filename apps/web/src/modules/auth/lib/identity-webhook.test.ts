// @vitest-environment node
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";

import { identityWebhookSender } from "./identity-webhook";

const SECRET = `whsec_${Buffer.from("0123456789abcdef0123456789abcdef").toString("base64")}`;

type Received = { headers: IncomingHttpHeaders; body: string };

async function receiver(statuses: number[]) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(statuses[received.length - 1] ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/identity`,
    received,
    close: () => server.close(),
  };
}

describe("identityWebhookSender", () => {
  let close: () => void = () => {};
  afterEach(() => close());

  const event = {
    type: "organization.created",
    data: { id: "org_1", name: "Acme", slug: "acme" },
  } as const;

  it("posts a payload the backend can verify with the shared secret", async () => {
    const server = await receiver([200]);
    close = server.close;
    await identityWebhookSender({ url: server.url, secret: SECRET })(event);
    expect(server.received).toHaveLength(1);
    const { headers, body } = server.received[0]!;
    const verified = new Webhook(SECRET).verify(body, {
      "webhook-id": String(headers["webhook-id"]),
      "webhook-timestamp": String(headers["webhook-timestamp"]),
      "webhook-signature": String(headers["webhook-signature"]),
    });
    expect(verified).toEqual({
      type: "organization.created",
      data: { id: "org_1", name: "Acme", slug: "acme" },
    });
    expect(() =>
      new Webhook(
        `whsec_${Buffer.from("another secret, another secret!!").toString("base64")}`,
      ).verify(body, {
        "webhook-id": String(headers["webhook-id"]),
        "webhook-timestamp": String(headers["webhook-timestamp"]),
        "webhook-signature": String(headers["webhook-signature"]),
      }),
    ).toThrow();
  });

  it("retries server errors with the same event id, so the backend applies it once", async () => {
    const server = await receiver([503, 500, 200]);
    close = server.close;
    await identityWebhookSender({ url: server.url, secret: SECRET, retryDelayMs: 1 })(event);
    expect(server.received).toHaveLength(3);
    expect(new Set(server.received.map((request) => request.headers["webhook-id"])).size).toBe(1);
  });

  it("gives up on a refused signature without retrying, and logs it", async () => {
    const server = await receiver([401]);
    close = server.close;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await identityWebhookSender({ url: server.url, secret: SECRET, retryDelayMs: 1 })(event);
    expect(server.received).toHaveLength(1);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("not delivered: HTTP 401"));
    errors.mockRestore();
  });
});
