import type { VoiceCall } from "./validators";

type Json = Record<string, unknown>;

export type EndOfCallReport = {
  call: VoiceCall;
  turns: { role: "user" | "assistant"; text: string }[];
  callerName?: string;
};

const object = (value: unknown): Json =>
  typeof value === "object" && value !== null ? (value as Json) : {};
const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : undefined);
const number = (value: unknown) =>
  typeof value === "number" && isFinite(value) ? value : undefined;

/** Vapi's artifact.messages: user and bot turns, among system and tool messages we skip. */
function turnsOf(messages: unknown, transcript: string | undefined): EndOfCallReport["turns"] {
  if (Array.isArray(messages)) {
    const turns = messages.flatMap((m): EndOfCallReport["turns"] => {
      const { role, message } = object(m);
      const said = text(message);
      if (!said) return [];
      if (role === "user") return [{ role: "user" as const, text: said }];
      if (role === "bot" || role === "assistant")
        return [{ role: "assistant" as const, text: said }];
      return [];
    });
    if (turns.length > 0) return turns;
  }
  // The plain transcript reads "AI: …" / "User: …", one turn a line.
  return (transcript ?? "").split("\n").flatMap((line): EndOfCallReport["turns"] => {
    const match = /^\s*(AI|Assistant|Bot|User|Customer)\s*:\s*(.+)$/i.exec(line);
    if (!match) return [];
    const role = /^(user|customer)$/i.test(match[1]!) ? ("user" as const) : ("assistant" as const);
    return [{ role, text: match[2]!.trim() }];
  });
}

/**
 * Reads a Vapi server message; only `end-of-call-report` with a call id becomes a conversation.
 * Older payloads carry transcript, summary and recording at the message's top level.
 */
export function parseEndOfCallReport(body: unknown): EndOfCallReport | null {
  const message = object(object(body).message);
  if (message.type !== "end-of-call-report") return null;
  const call = object(message.call);
  const callId = text(call.id);
  if (!callId) return null;
  const artifact = object(message.artifact);
  const customer = object(call.customer ?? message.customer);
  const transcript = text(artifact.transcript) ?? text(message.transcript);
  return {
    call: {
      callId,
      summary: text(object(message.analysis).summary) ?? text(message.summary),
      transcript,
      recordingUrl:
        text(artifact.recordingUrl) ??
        text(object(artifact.recording).url) ??
        text(message.recordingUrl),
      endedReason: text(message.endedReason) ?? text(call.endedReason),
      durationSeconds: number(message.durationSeconds),
      customerNumber: text(customer.number),
    },
    turns: turnsOf(artifact.messages ?? message.messages, transcript),
    callerName: text(customer.name),
  };
}
