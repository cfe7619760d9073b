export type Speaker = "user" | "assistant";
export type TranscriptLine = { role: Speaker; text: string; final: boolean };

/** Vapi's transcript message (the fields the widget reads). */
export type TranscriptEvent = {
  type: "transcript";
  role: Speaker;
  transcriptType: "partial" | "final";
  transcript: string;
};

export function isTranscriptEvent(message: unknown): message is TranscriptEvent {
  if (typeof message !== "object" || message === null) return false;
  const event = message as Record<string, unknown>;
  return (
    event.type === "transcript" &&
    (event.role === "user" || event.role === "assistant") &&
    (event.transcriptType === "partial" || event.transcriptType === "final") &&
    typeof event.transcript === "string"
  );
}

/** A partial line is replaced by the next partial or final of the same speaker; finals stay. */
export function applyTranscript(
  lines: readonly TranscriptLine[],
  event: TranscriptEvent,
): TranscriptLine[] {
  const last = lines.at(-1);
  const kept = last && !last.final && last.role === event.role ? lines.slice(0, -1) : lines;
  return [
    ...kept,
    { role: event.role, text: event.transcript, final: event.transcriptType === "final" },
  ];
}
