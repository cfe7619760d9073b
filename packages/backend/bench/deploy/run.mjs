// Where a deploy of this package's functions spends its CPU: pushes convex/ to a fresh convex-local
// with the Convex CLI exactly as `npm start` does (scripts/lib/start.mjs deployBackend), records
// every esbuild build the CLI runs (esbuild-recorder.cjs) and samples the CPU time of each process.
// Usage: node bench/deploy/run.mjs [runs]   (each run on a new data folder, ephemeral ports)
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, relative } from "node:path";

import { listProcesses, processTree } from "../../../../scripts/lib/process-tree-rss.mjs";
import { deployBackend } from "../../../../scripts/lib/start.mjs";

const root = join(import.meta.dirname, "../../../..");
const runs = Number(process.argv[2] ?? 1);
const kib = (bytes) => `${Math.round(bytes / 1024)}`.padStart(6);
const seconds = (ticks) => (ticks / 100).toFixed(1).padStart(5);

/** The CPU ticks (user + system) of every process below this one, sampled every 100 ms. */
function sampleDescendants() {
  const seen = new Map();
  const poll = () => {
    const processes = listProcesses();
    const below = new Set(processTree(processes, [process.pid]).map(({ pid }) => pid));
    for (const { pid, command, cpuTicks } of processes) {
      if (pid === process.pid) continue;
      // Once seen, a process stays counted after it is orphaned (the CLI leaves esbuild behind).
      if (!below.has(pid) && !seen.has(pid)) continue;
      // Read again each time: a child just forked still shows its parent's command, or none.
      const earlier = seen.get(pid);
      seen.set(pid, {
        command: command || earlier?.command || "",
        ticks: Math.max(cpuTicks, earlier?.ticks ?? 0),
      });
    }
  };
  const timer = setInterval(poll, 100);
  return {
    poll,
    ticks: () => new Map([...seen].map(([pid, { ticks }]) => [pid, ticks])),
    stop: () => clearInterval(timer),
    processes: () => seen,
  };
}

function role(command) {
  if (command.includes("convex-local.js")) return "convex-local (push analysis)";
  if (command.includes("cli.bundle.cjs") || command.includes("convex/bin")) return "Convex CLI";
  if (/esbuild/.test(command)) return "esbuild";
  return "other";
}

function startConvexLocal(dataDir) {
  const child = spawn(
    process.execPath,
    [
      join(root, "packages/convex-local/bin/convex-local.js"),
      "--port",
      "0",
      "--site-port",
      "0",
    ].concat(["--data", dataDir]),
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const url = /URL:\s+(http:\/\/\S+)/.exec(out)?.[1];
      const adminKey = /Admin key:\s+(\S+)/.exec(out)?.[1];
      if (url && adminKey) resolve({ child, url, adminKey });
    });
    child.once("exit", (code) => reject(new Error(`convex-local exited with ${code}`)));
  });
}

/** Names a build by what it bundles: a component package, or the app's entry points. */
function describeBuild({ platform, entryPoints }) {
  const first = entryPoints[0] ?? "";
  const component = /node_modules\/((?:@[^/]+\/)?[^/]+)\/dist\/component\/([^/]+)$/.exec(first);
  const what = component
    ? `${component[1]} ${component[2]}`
    : relative(join(root, "packages/backend"), first);
  const more = entryPoints.length > 1 ? ` +${entryPoints.length - 1}` : "";
  return `${platform.padEnd(7)} ${what}${more}`;
}

/** Bytes each package contributes to a build's JavaScript output (source maps left out). */
function outputByPackage(metafile) {
  const bytes = new Map();
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (file.endsWith(".map")) continue;
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name =
        /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(input)?.[1] ??
        "(this package's convex/)";
      bytes.set(name, (bytes.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...bytes].sort((a, b) => b[1] - a[1]);
}

function printBuilds(dir) {
  const builds = readdirSync(dir)
    .sort()
    .map((file) => JSON.parse(readFileSync(join(dir, file), "utf8")));
  console.info(`  ${"esbuild ms".padStart(10)} inputs  in KiB  js KiB map KiB  build`);
  for (const build of builds) {
    const inputs = Object.values(build.metafile?.inputs ?? {});
    const size = (maps) =>
      build.outputs
        .filter((o) => o.path.endsWith(".map") === maps)
        .reduce((s, o) => s + o.bytes, 0);
    console.info(
      `  ${build.ms.toFixed(0).padStart(10)} ${String(inputs.length).padStart(6)} ${kib(inputs.reduce((s, i) => s + i.bytes, 0))} ${kib(size(false))} ${kib(size(true))}  ${describeBuild(build)}`,
    );
  }
  const largest = builds.reduce((a, b) => (b.outputs.length > a.outputs.length ? b : a));
  console.info(`  largest build (${describeBuild(largest)}), JavaScript KiB by package:`);
  for (const [name, bytes] of outputByPackage(largest.metafile).slice(0, 10)) {
    console.info(`    ${kib(bytes)}  ${name}`);
  }
}

for (let run = 1; run <= runs; run++) {
  const work = mkdtempSync(join(tmpdir(), "echo-bench-deploy-"));
  const esbuildDir = join(work, "esbuild");
  mkdirSync(esbuildDir);
  const sampler = sampleDescendants();
  const backend = await startConvexLocal(join(work, "convex"));
  try {
    sampler.poll();
    const before = sampler.ticks();
    const startedAt = performance.now();
    await deployBackend(root, {
      backendUrl: backend.url,
      adminKey: backend.adminKey,
      env: {
        ...process.env,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${join(import.meta.dirname, "esbuild-recorder.cjs")}`,
        BENCH_ESBUILD_DIR: esbuildDir,
      },
      logFile: join(work, "deploy.log"),
      onSpawn: () => {},
    });
    const wall = (performance.now() - startedAt) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 200));
    sampler.poll();
    const byRole = new Map();
    for (const [pid, { command, ticks }] of sampler.processes()) {
      const name = role(command);
      byRole.set(name, (byRole.get(name) ?? 0) + ticks - (before.get(pid) ?? 0));
    }
    const total = [...byRole.values()].reduce((a, b) => a + b, 0);
    console.info(
      `run ${run}: deployed in ${wall.toFixed(1)} s wall, ${seconds(total).trim()} CPU-s (load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")})`,
    );
    for (const [name, ticks] of [...byRole].sort((a, b) => b[1] - a[1])) {
      console.info(`  ${seconds(ticks)} CPU-s  ${name}`);
    }
    printBuilds(esbuildDir);
  } finally {
    sampler.stop();
    backend.child.kill("SIGTERM");
    await new Promise((resolve) => backend.child.once("exit", resolve));
    rmSync(work, { recursive: true, force: true });
  }
}
