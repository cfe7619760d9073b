import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { closeServer } from "./close-server";

/**
 * A local stand-in for Vapi's REST API that accepts only the given keys: private keys for the REST
 * endpoints, public keys for web-call creation alone (refused with 400 here for lack of an
 * assistant, after the key check), as Vapi scopes them.
 */
export async function startFakeVapi(keys: { privateKeys: string[]; publicKeys: string[] }) {
  const server: Server = createServer((request, response) => {
    const key = request.headers.authorization?.replace(/^Bearer /, "") ?? "";
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    const webCall = request.method === "POST" && request.url === "/call/web";
    if (!(webCall ? keys.publicKeys : keys.privateKeys).includes(key))
      return json(401, {
        message:
          "Invalid Key. Hot tip, you may be using the private key instead of the public key, or vice versa.",
        error: "Unauthorized",
        statusCode: 401,
      });
    if (webCall) {
      return json(400, {
        message: ["assistant or assistantId or squad or squadId must be provided"],
        error: "Bad Request",
        statusCode: 400,
      });
    }
    if (request.url === "/assistant") {
      return json(200, [
        { id: "asst_frontdesk", name: "Front desk", createdAt: "2026-11-01T10:00:00.000Z" },
      ]);
    }
    if (request.url === "/phone-number") {
      return json(200, [
        {
          id: "ph_1",
          number: "+15550100",
          name: "Support line",
          provider: "vapi",
          assistantId: "asst_frontdesk",
          status: "active",
        },
      ]);
    }
    return json(404, { message: "Not Found", statusCode: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => closeServer(server),
  };
}

/** Sets deployment environment variables the way `npx convex env set` does. */
export async function setBackendEnv(
  backendUrl: string,
  adminKey: string,
  values: Record<string, string | null>,
) {
  const response = await fetch(`${backendUrl}/api/update_environment_variables`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Convex ${adminKey}` },
    body: JSON.stringify({
      changes: Object.entries(values).map(([name, value]) => ({ name, value })),
    }),
  });
  if (!response.ok)
    throw new Error(`setting ${Object.keys(values).join(", ")} failed: HTTP ${response.status}`);
}
