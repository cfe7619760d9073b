import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";
import { stageTimes } from "../diagnostics/stage-times.ts";
import { transitionTrace } from "../diagnostics/transition-trace.ts";

/** At most 3 bytes of UTF-8 per UTF-16 unit keeps every chunk under Convex's 5 MB part size. */
const CHUNK_CHARS = 1_500_000;

/** Splits text into pieces of at most `size` UTF-16 units without separating a surrogate pair. */
function splitText(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

/**
 * A sync session's outgoing messages: JSON-encoded, a large Transition split into
 * TransitionChunks, and the messages of one tick (a mutation's response and the transition that
 * follows it) corked into one write on `transport`, the connection under the WebSocket.
 */
export class Outbox {
  private readonly socket: WebSocket;
  private readonly transport: Duplex | null;
  private corked = false;
  lastSentAt = Date.now();

  constructor(socket: WebSocket, transport: Duplex | null) {
    this.socket = socket;
    this.transport = transport;
  }

  send(message: Record<string, unknown>): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    this.lastSentAt = Date.now();
    if (this.transport && !this.corked) {
      this.corked = true;
      this.transport.cork();
      process.nextTick(() => {
        this.corked = false;
        this.transport!.uncork();
      });
    }
    const encoding = stageTimes.start();
    const text = JSON.stringify(message);
    stageTimes.end("encode", encoding);
    if (message.type === "Transition" && text.length > CHUNK_CHARS) {
      const chunks = splitText(text, CHUNK_CHARS);
      chunks.forEach((chunk, partNumber) =>
        this.socket.send(
          JSON.stringify({
            type: "TransitionChunk",
            chunk,
            partNumber,
            totalParts: chunks.length,
            transitionId: String(text.length),
          }),
        ),
      );
      return;
    }
    const sending = stageTimes.start();
    this.socket.send(text);
    stageTimes.end("send", sending);
    if (message.type === "Transition") transitionTrace.mark("sent");
  }
}
