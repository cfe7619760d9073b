// What the server pays per HTTP mutation beyond Node's own HTTP: the same ConvexHttpClient load
// (bench/load.ts) against a bare node:http server that reads the body, parses it and answers a
// fixed success, and against convex-local running the one-insert messages:send.
// Usage: node bench/http-floor.ts [--clients 32] [--seconds 3] [--rounds 2] [--port 0]
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { restartWithContextFrames } from "../src/runtime/environment/context-frames.ts";
import { Backend } from "../src/runtime/backend.ts";
import { startServer } from "../src/server/server.ts";
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

/** The floor: Node's HTTP server, a body read and parsed, a small JSON answer. */
function bareServer(): Server {
  let n = 0;
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      JSON.parse(Buffer.concat(chunks).toString("utf8"));
      const text = JSON.stringify({ status: "success", value: `id-${n++}` });
      res.writeHead(200, {
        "Content-Type": "application/json",
        "Content-Length": Buffer.byteLength(text),
      });
      res.end(text);
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
  const bare = bareServer();
  const bareUrl = await listen(bare, port);
  const backend = new Backend({ dataDir: join(dir, "data"), syncMode: "normal" });
  await backend.deploy(join(import.meta.dirname, "..", "test", "fixtures", "basic", "convex"));
  const server = await startServer({
    backend,
    port: port === 0 ? 0 : port + 1,
    sitePort: port === 0 ? 0 : port + 2,
    instanceSecret: null,
  });
  // Untimed: V8 compiles both hot paths first.
  await runLoad({ task: "commits", url: bareUrl, kind: "http", clients, seconds: 1 });
  await runLoad({ task: "commits", url: server.url, kind: "http", clients, seconds: 1 });
  for (let round = 0; round < Number(values.rounds); round++) {
    await measure(`bare node:http x${clients}`, bareUrl);
    await measure(`convex-local messages:send x${clients} (--sync normal)`, server.url);
  }
  await server.close();
  backend.close();
  bare.closeAllConnections();
  await new Promise((r) => bare.close(r));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
