"use client";

import type Vapi from "@vapi-ai/web";
import { useCallback, useEffect, useRef, useState } from "react";

import { applyTranscript, isTranscriptEvent, type TranscriptLine } from "../lib/transcript";

export type CallState = "idle" | "connecting" | "active" | "ended" | "failed" | "dropped";

/** One Vapi web call; the SDK is loaded only when the visitor starts a call. */
export function useVapiCall(publicKey: string, assistantId: string) {
  const vapi = useRef<Vapi | null>(null);
  const [state, setState] = useState<CallState>("idle");
  const [muted, setMuted] = useState(false);
  const [lines, setLines] = useState<TranscriptLine[]>([]);

  useEffect(
    () => () => {
      void vapi.current?.stop();
      vapi.current = null;
    },
    [],
  );

  const start = useCallback(async () => {
    setState("connecting");
    setLines([]);
    setMuted(false);
    try {
      const { default: VapiClient } = await import("@vapi-ai/web");
      const client = vapi.current ?? new VapiClient(publicKey);
      if (!vapi.current) {
        vapi.current = client;
        client.on("call-start", () => setState("active"));
        client.on("call-end", () => setState("ended"));
        client.on("error", (error: unknown) => {
          console.error("voice call error", error);
          setState((current) => (current === "active" ? "dropped" : "failed"));
        });
        client.on("message", (message: unknown) => {
          if (isTranscriptEvent(message)) setLines((current) => applyTranscript(current, message));
        });
      }
      await client.start(assistantId);
    } catch (error) {
      console.error("voice call could not start", error);
      setState("failed");
    }
  }, [publicKey, assistantId]);

  const end = useCallback(() => {
    void vapi.current?.stop();
    setState("ended");
  }, []);

  const toggleMute = useCallback(() => {
    const client = vapi.current;
    if (!client) return;
    const next = !client.isMuted();
    client.setMuted(next);
    setMuted(next);
  }, []);

  return { state, muted, lines, start, end, toggleMute };
}
