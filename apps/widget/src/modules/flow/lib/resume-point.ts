import type { FlowState } from "./screen-flow";

/** Where the visitor was, kept beside their contact session so reopening the widget returns there. */
type ResumePoint = { contactSessionId: string; conversationId: string };

const KEY_PREFIX = "echo.resume.";

/** The conversation to reopen for this session, or null (another session's, none, or unreadable). */
export function readResumePoint(
  storage: Storage | null,
  organizationId: string,
  contactSessionId: string,
): string | null {
  try {
    const raw = storage?.getItem(KEY_PREFIX + organizationId);
    const point = raw ? (JSON.parse(raw) as Partial<ResumePoint>) : null;
    return point?.contactSessionId === contactSessionId && typeof point.conversationId === "string"
      ? point.conversationId
      : null;
  } catch {
    return null; // storage blocked or a corrupt entry: start at the choices
  }
}

/**
 * Follows the flow: a conversation on screen is the place to come back to; choosing another
 * screen leaves it. Loading, auth and error screens change nothing.
 */
export function rememberResumePoint(
  storage: Storage | null,
  organizationId: string,
  contactSessionId: string,
  flow: Pick<FlowState, "screen" | "conversationId">,
): void {
  try {
    if (flow.screen === "chat" && flow.conversationId) {
      const point: ResumePoint = { contactSessionId, conversationId: flow.conversationId };
      storage?.setItem(KEY_PREFIX + organizationId, JSON.stringify(point));
    } else if (flow.screen !== "loading" && flow.screen !== "auth" && flow.screen !== "error") {
      storage?.removeItem(KEY_PREFIX + organizationId);
    }
  } catch {
    // storage blocked: the widget opens at the choices next time
  }
}
