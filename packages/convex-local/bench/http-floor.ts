// What the server pays per HTTP mutation beyond Node's own HTTP: the same ConvexHttpClient load
// (bench/load.ts) against a bare node:http server that reads the body, parses it and answers a
// fixed success; against a bare server that runs the mutation (Backend.call) between those; and
// against convex-local's own server running it (routing, CORS, auth, the UDF route).
// Usage: node bench/http-floor.ts [--clients 32] [--seconds 3] [--rounds 2] [--port 0] (4 ports from it)
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { restartWithContextFrames } from "../src/runtime/environment/context-frames.ts";
import { Backend } from "../src/runtime/backend.ts";
import { startServer } from "../src/server/server.ts";
import { normalizeArgs } from "../src/server/udf-routes.ts";
import { type CommitsResult, runLoad } from "./load.ts";

restartWithContextFrames();

const { values } = parseArgs({
  options: {
    clients: { type: "string", default: "32" },
    seconds: { type: "string", default: "3" },
    rounds: { type: "string", default: "2" },
    port: { type: "string", default: "0" },
  },
});
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const port = Number(values.port);
if (!(clients >= 1) || !(seconds > 0)) throw new Error("--clients and --seconds: positive numbers");

function listen(server: Server, at: number): Promise<string> {
  return new Promise((resolve) =>
    server.listen(at, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

/**
 * The floor: Node's HTTP server, a body read and parsed, a small JSON answer; with a backend, the
 * answer is the mutation's, run by `Backend.call` and nothing else of convex-local's server.
 */
function bareServer(backend: Backend | null): Server {
  let n = 0;
  const answer = async (body: { path: string; args: unknown }) => {
    if (!backend) return { status: "success", value: `id-${n++}` };
    const outcome = await backend.call("mutation", {
      udfPath: body.path,
      args: normalizeArgs(body.args),
      identity: null,
      isAdmin: false,
    });
    if (outcome.status !== "success") throw new Error(outcome.errorMessage);
    return { status: "success", value: outcome.value };
  };
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      void answer(JSON.parse(Buffer.concat(chunks).toString("utf8"))).then((body) => {
        const text = JSON.stringify(body);
        res.writeHead(200, {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(text),
        });
        res.end(text);
      });
    });
  });
}

async function measure(label: string, url: string): Promise<void> {
  const cpu = process.cpuUsage();
  const { latencies, elapsedMs, clientCpuUs } = await runLoad<CommitsResult>({
    task: "commits",
    url,
    kind: "http",
    clients,
    seconds,
  });
  const used = process.cpuUsage(cpu);
  const requests = latencies.length + clients;
  console.info(
    `${label}: server CPU ${((used.user + used.system) / requests).toFixed(0)} µs/request (user ${(used.user / requests).toFixed(0)}, system ${(used.system / requests).toFixed(0)}), ${(latencies.length / (elapsedMs / 1000)).toFixed(0)} requests/s, clients' CPU ${(clientCpuUs / latencies.length).toFixed(0)} µs/request; load average ${loadavg()[0]!.toFixed(2)}`,
  );
}

const dir = mkdtempSync(join(tmpdir(), "convex-local-http-floor-"));
try {
  const backend = new Backend({ dataDir: join(dir, "data"), syncMode: "normal" });
  await backend.deploy(join(import.meta.dirname, "..", "test", "fixtures", "basic", "convex"));
  const bare = bareServer(null);
  const bareUrl = await listen(bare, port);
  const bareMutation = bareServer(backend);
  const bareMutationUrl = await listen(bareMutation, port === 0 ? 0 : port + 1);
  const server = await startServer({
    backend,
    port: port === 0 ? 0 : port + 2,
    sitePort: port === 0 ? 0 : port + 3,
    instanceSecret: null,
  });
  const cases: Array<[string, string]> = [
    [`bare node:http x${clients}`, bareUrl],
    [`bare node:http + Backend.call messages:send x${clients} (--sync normal)`, bareMutationUrl],
    [`convex-local server messages:send x${clients} (--sync normal)`, server.url],
  ];
  // Untimed: V8 compiles every hot path first.
  for (const [, url] of cases)
    await runLoad({ task: "commits", url, kind: "http", clients, seconds: 1 });
  for (let round = 0; round < Number(values.rounds); round++)
    for (const [label, url] of cases) await measure(label, url);
  await server.close();
  backend.close();
  for (const each of [bare, bareMutation]) {
    each.closeAllConnections();
    await new Promise((r) => each.close(r));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
