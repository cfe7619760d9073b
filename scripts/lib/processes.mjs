import { spawn } from "node:child_process";
import { appendFileSync } from "node:fs";
import { createServer } from "node:net";

/** Resolves when nothing listens on the port, rejects naming the port otherwise. */
export function assertPortFree(port, purpose) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (error) => {
      const reason =
        error.code === "EADDRINUSE" ? "is already in use" : `cannot be opened (${error.code})`;
      reject(
        new Error(`port ${port} (${purpose}) ${reason}; stop what uses it or set another port`),
      );
    });
    server.once("listening", () => server.close(() => resolve()));
    server.listen(port, "127.0.0.1");
  });
}

/** Polls an HTTP URL until it answers (any status below 500) or the timeout passes. */
export async function waitForHttp(url, { timeoutMs = 120_000, intervalMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return response.status;
      lastError = new Error(`HTTP ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(
    `${url} did not answer within ${timeoutMs} ms: ${lastError?.message ?? "no answer"}`,
  );
}

/**
 * Runs a command in its own process group, prefixing each output line with a label; with
 * `logFile` the lines go to that file instead of stdout; `onLine` also sees each line.
 * Returns the child process.
 */
export function spawnLabelled(label, command, args, { logFile, onLine, ...options }) {
  const child = spawn(command, args, {
    ...options,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const prefix = `[${label}] `;
  const write = logFile
    ? (line) => appendFileSync(logFile, line)
    : (line) => process.stdout.write(line);
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        write(prefix + line + "\n");
        onLine?.(line);
      }
    });
  }
  return child;
}

/** True while any process of the group still exists. */
function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops a process group started by spawnLabelled, escalating to SIGKILL after a grace period.
 * Resolves once every process of the group is gone (the leader, e.g. pnpm, can exit before the
 * server it started has closed its port).
 */
export function stopProcessGroup(child, graceMs = 5000) {
  return new Promise((resolve) => {
    const kill = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    };
    const startedAt = Date.now();
    let killed = false;
    const poll = () => {
      if (!groupAlive(child.pid)) return resolve();
      if (!killed && Date.now() - startedAt > graceMs) {
        killed = true;
        kill("SIGKILL");
      }
      setTimeout(poll, 50);
    };
    kill("SIGTERM");
    poll();
  });
}
