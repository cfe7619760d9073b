import { describe, expect, it } from "vitest";

import {
  applyTranscript,
  isTranscriptEvent,
  type TranscriptEvent,
  type TranscriptLine,
} from "./transcript";

const event = (
  role: "user" | "assistant",
  transcriptType: "partial" | "final",
  transcript: string,
): TranscriptEvent => ({
  type: "transcript",
  role,
  transcriptType,
  transcript,
});

describe("live transcript", () => {
  it("replaces a speaker's partial line until it is final", () => {
    let lines: TranscriptLine[] = [];
    lines = applyTranscript(lines, event("user", "partial", "I need"));
    lines = applyTranscript(lines, event("user", "partial", "I need help"));
    lines = applyTranscript(lines, event("user", "final", "I need help."));
    expect(lines).toEqual([{ role: "user", text: "I need help.", final: true }]);
  });

  it("keeps final lines and starts new ones per speaker", () => {
    let lines: TranscriptLine[] = [{ role: "user", text: "Hi.", final: true }];
    lines = applyTranscript(lines, event("assistant", "partial", "Hello"));
    lines = applyTranscript(lines, event("user", "partial", "Um"));
    expect(lines.map((line) => line.text)).toEqual(["Hi.", "Hello", "Um"]);
  });

  it("recognizes only transcript messages", () => {
    expect(isTranscriptEvent(event("user", "final", "x"))).toBe(true);
    expect(isTranscriptEvent({ type: "status-update", status: "ended" })).toBe(false);
    expect(
      isTranscriptEvent({
        type: "transcript",
        role: "system",
        transcriptType: "final",
        transcript: "x",
      }),
    ).toBe(false);
    expect(isTranscriptEvent(null)).toBe(false);
  });
});
