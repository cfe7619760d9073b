import { describe, expect, it } from "vitest";

import { callClock, endedReasonKey, isoDuration, recordingHref } from "./voice-call";

describe("voice call details", () => {
  it("groups Vapi's ended reasons", () => {
    expect(endedReasonKey("customer-ended-call")).toBe("customerEnded");
    expect(endedReasonKey("assistant-said-end-call-phrase")).toBe("assistantEnded");
    expect(endedReasonKey("assistant-forwarded-call")).toBe("forwarded");
    expect(endedReasonKey("silence-timed-out")).toBe("silence");
    expect(endedReasonKey("exceeded-max-duration")).toBe("maxDuration");
    expect(endedReasonKey("voicemail")).toBe("voicemail");
    expect(endedReasonKey("customer-busy")).toBe("noAnswer");
    expect(endedReasonKey("pipeline-error-openai-llm-failed")).toBe("error");
    expect(endedReasonKey("call.in-progress.error-vapifault-transport-never-connected")).toBe(
      "error",
    );
    expect(endedReasonKey("manually-canceled")).toBe("other");
  });

  it("reads a call's length like a clock", () => {
    expect(callClock(0)).toBe("0:00");
    expect(callClock(42.5)).toBe("0:43");
    expect(callClock(725)).toBe("12:05");
    expect(callClock(3723)).toBe("1:02:03");
    expect(isoDuration(42.5)).toBe("PT43S");
  });

  it("refuses lengths that are not one", () => {
    expect(() => callClock(-1)).toThrow("Not a call duration: -1");
    expect(() => callClock(Number.NaN)).toThrow("Not a call duration: NaN");
  });

  it("plays only web addresses", () => {
    expect(recordingHref("https://storage.vapi.ai/call_1-mono.wav")).toBe(
      "https://storage.vapi.ai/call_1-mono.wav",
    );
    expect(recordingHref("http://127.0.0.1:4911/r.wav")).toBe("http://127.0.0.1:4911/r.wav");
    expect(recordingHref("javascript:alert(1)")).toBeNull();
    expect(recordingHref("not a url")).toBeNull();
    expect(recordingHref(undefined)).toBeNull();
  });
});
