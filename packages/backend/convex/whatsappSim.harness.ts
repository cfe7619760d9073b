import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { startWhatsAppSim, type WhatsAppSim } from "@echo/whatsapp-sim";

/** What the bridge needs of a convex-test instance (its HTTP router). */
type SiteFetcher = { fetch: (path: string, init: RequestInit) => Promise<Response> };

export const SIM_API_KEY = "sim-instance-key";
export const SIM_INSTANCE = "echo-test";

/**
 * Echo's site (CONVEX_SITE_URL) served by a loopback bridge into convex-test's `t.fetch`, so a
 * gateway's webhooks reach the HTTP routes as a real deployment's would (headers included: the
 * Cloud API's signature travels in one).
 */
export async function startSiteBridge(t: () => SiteFetcher) {
  let answered = 0;
  const bridge: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const signature = request.headers["x-hub-signature-256"];
      t()
        .fetch(request.url ?? "/", {
          method: request.method,
          headers: {
            "content-type": "application/json",
            ...(typeof signature === "string" ? { "x-hub-signature-256": signature } : {}),
          },
          ...(request.method === "GET" ? {} : { body: Buffer.concat(chunks).toString("utf8") }),
        })
        .then(async (answer) => {
          response.writeHead(answer.status).end(await answer.text());
        })
        .catch((error: unknown) => response.writeHead(500).end(String(error)))
        .finally(() => answered++);
    });
  });
  await new Promise<void>((resolve) => bridge.listen(0, "127.0.0.1", resolve));
  return {
    siteUrl: `http://127.0.0.1:${(bridge.address() as AddressInfo).port}`,
    /** How many requests the site has answered so far. */
    answered: () => answered,
    close: () => new Promise<void>((resolve) => bridge.close(() => resolve())),
  };
}

/** The WhatsApp simulator posting to Echo's site through the bridge. */
export async function startSimBridge(t: () => SiteFetcher) {
  const bridge = await startSiteBridge(t);
  const sim: WhatsAppSim = await startWhatsAppSim({
    port: 0,
    apiKey: SIM_API_KEY,
    instanceName: SIM_INSTANCE,
  });
  return {
    sim,
    siteUrl: bridge.siteUrl,
    close: async () => {
      await sim.close();
      await bridge.close();
    },
  };
}
