// RSS of the whole product at rest: starts it with a command (default `node scripts/echo.mjs
// start`, i.e. `npm start`'s own command, on the ports below), waits for every readiness endpoint
// and a quiet spell, then prints each process of the command's tree and the total in MiB.
// usage: node scripts/bench-rss.mjs [--settle <s>] [--base-port <n>] [-- <command…>]
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

import { stopProcessGroup } from "./lib/processes.mjs";
import { listProcesses, printRss, processTree } from "./lib/process-tree-rss.mjs";
import { readinessUrls } from "./lib/start.mjs";

const root = join(import.meta.dirname, "..");
const { values, positionals } = parseArgs({
  options: {
    settle: { type: "string", default: "20" },
    "base-port": { type: "string", default: "4750" },
  },
  allowPositionals: true,
});
const base = Number(values["base-port"]);
const ports = { web: base, widget: base + 1, demo: base + 2, backend: base + 3, site: base + 4 };
const urls = {
  dashboard: `http://localhost:${ports.web}`,
  widget: `http://localhost:${ports.widget}`,
  site: `http://127.0.0.1:${ports.site}`,
};
const dataDir = mkdtempSync(join(tmpdir(), "echo-bench-rss-"));
const [command, ...args] = positionals.length
  ? positionals
  : [process.execPath, join(root, "scripts/echo.mjs"), "start"];

const child = spawn(command, args, {
  cwd: root,
  detached: true,
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env,
    ECHO_WEB_PORT: String(ports.web),
    ECHO_WIDGET_PORT: String(ports.widget),
    ECHO_DEMO_PORT: String(ports.demo),
    ECHO_BACKEND_PORT: String(ports.backend),
    ECHO_SITE_PORT: String(ports.site),
    ECHO_DATA_DIR: dataDir,
  },
});

async function ready(deadline) {
  for (;;) {
    const statuses = await Promise.all(
      readinessUrls(urls).map((url) =>
        fetch(url)
          .then((response) => response.status)
          .catch(() => 0),
      ),
    );
    if (statuses.every((status) => status === 200)) return;
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error("the product never got ready");
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

try {
  await ready(Date.now() + 600_000);
  await new Promise((resolve) => setTimeout(resolve, Number(values.settle) * 1000));
  process.stdout.write(`RSS at rest of: ${[command, ...args].join(" ")}\n`);
  printRss(processTree(listProcesses(), [child.pid]));
} finally {
  await stopProcessGroup(child);
  rmSync(dataDir, { recursive: true, force: true });
}
