import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { startWhatsAppSim, type WhatsAppSim } from "@echo/whatsapp-sim";

/** What the bridge needs of a convex-test instance (its HTTP router). */
type SiteFetcher = { fetch: (path: string, init: RequestInit) => Promise<Response> };

export const SIM_API_KEY = "sim-instance-key";
export const SIM_INSTANCE = "echo-test";

/**
 * The WhatsApp simulator with Echo's site (CONVEX_SITE_URL) served by a loopback bridge into
 * convex-test's `t.fetch`, so the simulator's webhooks reach the HTTP routes as a real
 * deployment's would.
 */
export async function startSimBridge(t: () => SiteFetcher) {
  const bridge: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      t()
        .fetch(request.url ?? "/", {
          method: request.method,
          headers: { "content-type": "application/json" },
          body: Buffer.concat(chunks).toString("utf8"),
        })
        .then(async (answer) => {
          response.writeHead(answer.status).end(await answer.text());
        })
        .catch((error: unknown) => response.writeHead(500).end(String(error)));
    });
  });
  await new Promise<void>((resolve) => bridge.listen(0, "127.0.0.1", resolve));
  const siteUrl = `http://127.0.0.1:${(bridge.address() as AddressInfo).port}`;
  const sim: WhatsAppSim = await startWhatsAppSim({
    port: 0,
    apiKey: SIM_API_KEY,
    instanceName: SIM_INSTANCE,
  });
  return {
    sim,
    siteUrl,
    close: async () => {
      await sim.close();
      await new Promise<void>((resolve) => bridge.close(() => resolve()));
    },
  };
}
