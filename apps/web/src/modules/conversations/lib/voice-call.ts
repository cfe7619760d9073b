/** How a call ended, grouped from Vapi's `endedReason` values into what an operator needs to know. */
export type EndedReasonKey =
  | "customerEnded"
  | "assistantEnded"
  | "forwarded"
  | "silence"
  | "maxDuration"
  | "voicemail"
  | "noAnswer"
  | "error"
  | "other";

const KNOWN: Record<string, EndedReasonKey> = {
  "customer-ended-call": "customerEnded",
  "assistant-ended-call": "assistantEnded",
  "assistant-said-end-call-phrase": "assistantEnded",
  "assistant-ended-call-after-message-spoken": "assistantEnded",
  "assistant-ended-call-with-hangup-task": "assistantEnded",
  "assistant-forwarded-call": "forwarded",
  "silence-timed-out": "silence",
  "exceeded-max-duration": "maxDuration",
  voicemail: "voicemail",
  "customer-did-not-answer": "noAnswer",
  "customer-busy": "noAnswer",
};

export function endedReasonKey(reason: string): EndedReasonKey {
  const known = KNOWN[reason];
  if (known) return known;
  // Vapi names its many failure reasons "pipeline-error-…", "call.in-progress.error-…" and so on.
  return /error|failed/i.test(reason) ? "error" : "other";
}

/** A call's length as a clock reads it: "0:42", "12:05", "1:02:03". */
export function callClock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new Error(`Not a call duration: ${String(seconds)}`);
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

/** The same length as an ISO 8601 duration, for `<time dateTime>`. */
export function isoDuration(seconds: number): string {
  return `PT${Math.round(seconds)}S`;
}

/** Only web addresses may become a player source or a link; anything else is not a recording. */
export function recordingHref(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}
