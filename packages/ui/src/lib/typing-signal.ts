import { useEffect, useRef } from "react";

/** Clients tell the backend at most once per this interval that someone is still typing. */
export const TYPING_SIGNAL_INTERVAL_MS = 2_000;

type Signals = { send: (draft: string) => void; stop: () => void };

/**
 * Turns draft changes into "typing" signals: the first change sends at once, later ones at most
 * once per interval, and an emptied draft (sent or erased) stops, once.
 */
export function createTypingSignal(signals: Signals, now: () => number = Date.now) {
  let lastSent: number | null = null;
  return {
    changed(draft: string) {
      if (draft.trim() === "") {
        if (lastSent !== null) signals.stop();
        lastSent = null;
        return;
      }
      const at = now();
      if (lastSent !== null && at - lastSent < TYPING_SIGNAL_INTERVAL_MS) return;
      lastSent = at;
      signals.send(draft);
    },
    /** Leaving the conversation with a draft still there stops the signal too. */
    left() {
      if (lastSent !== null) signals.stop();
      lastSent = null;
    },
  };
}

/** Sends typing signals for `draft` while `key` (the conversation) stays the same. */
export function useTypingSignal(draft: string, key: string | null, signals: Signals): void {
  const latest = useRef(signals);
  useEffect(() => {
    latest.current = signals;
  });
  const signal = useRef<ReturnType<typeof createTypingSignal> | null>(null);
  useEffect(() => {
    if (key === null) return;
    const current = createTypingSignal({
      send: (text) => latest.current.send(text),
      stop: () => latest.current.stop(),
    });
    signal.current = current;
    return () => {
      current.left();
      signal.current = null;
    };
  }, [key]);
  useEffect(() => {
    signal.current?.changed(draft);
  }, [draft, key]);
}
