import { appendFileSync } from "node:fs";

/** One execution as a line: time, kind, function, duration, outcome, then its console lines. */
export function formatExecution(entry) {
  const at = new Date(entry.executionTimestamp * 1000).toISOString();
  const name = entry.componentPath
    ? `${entry.componentPath}/${entry.identifier}`
    : entry.identifier;
  const took = `${Math.round(entry.executionTime * 1000)} ms`;
  const outcome = entry.error ? `failed: ${entry.error.split("\n")[0]}` : "ok";
  const lines = [
    `${at} ${entry.udfType} ${name} ${took} ${outcome} (${entry.caller}, request ${entry.requestId})`,
  ];
  for (const line of entry.logLines ?? []) {
    lines.push(`    [${line.level}] ${line.messages.join(" ")}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Appends every function execution of the backend at `backendUrl` to `file`, as `npx convex logs`
 * streams them (the backend keeps only the last ones, in memory). Follows the backend across
 * restarts; `stop()` ends the stream.
 */
export function followFunctionLogs({ backendUrl, adminKey, file, retryMs = 500 }) {
  const controller = new AbortController();
  let cursor = 0;
  const done = (async () => {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch(`${backendUrl}/api/stream_function_logs?cursor=${cursor}`, {
          headers: { authorization: `Convex ${adminKey()}` },
          signal: controller.signal,
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const { entries, newCursor } = await response.json();
        if (entries.length) appendFileSync(file, entries.map(formatExecution).join(""));
        cursor = newCursor;
      } catch {
        if (controller.signal.aborted) return;
        await new Promise((resolve) => setTimeout(resolve, retryMs));
      }
    }
  })();
  return {
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}
