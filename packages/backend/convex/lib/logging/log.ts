/**
 * Structured logs: one JSON object per line, so Convex cloud's dashboard, `npx convex logs` and
 * convex-local show the same text and `jq` reads it. Every line of one visitor action carries the
 * request id the widget generated for it (docs/deploy-server.md, "Following one request").
 */
export type LogLevel = "info" | "warn" | "error";

export type LogFields = {
  requestId?: string;
  organizationId?: string;
  conversationId?: string;
  /** Milliseconds the step took. */
  durationMs?: number;
  [field: string]: unknown;
};

export function logEvent(level: LogLevel, event: string, fields: LogFields = {}): void {
  const line = JSON.stringify({ level, event, ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.info(line);
}

/** Milliseconds since the call, read when the returned function is called. */
export function startTimer(): () => number {
  const startedAt = Date.now();
  return () => Date.now() - startedAt;
}
