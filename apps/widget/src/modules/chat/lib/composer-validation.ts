import { MAX_MESSAGE_CHARS } from "@echo/backend/convex/lib/validators";

export { MAX_MESSAGE_CHARS };

export type ComposerProblem = "EMPTY" | "TOO_LONG";

/** The backend trims and refuses empty or over-long text; say so before sending. */
export function validateMessage(
  text: string,
): { ok: true; text: string } | { ok: false; problem: ComposerProblem } {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, problem: "EMPTY" };
  if (trimmed.length > MAX_MESSAGE_CHARS) return { ok: false, problem: "TOO_LONG" };
  return { ok: true, text: trimmed };
}
