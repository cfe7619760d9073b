"use client";

import { useSetAtom } from "jotai";
import { useCallback, useEffect } from "react";

import { errorCodeOf } from "@/modules/errors/lib/error-code";
import { flowAtom } from "@/modules/flow/atoms/flow-atoms";

import { contactSessionAtom } from "../atoms/session-atoms";

/** Forgets the stored session and sends the visitor back to the auth screen, draft kept. */
export function useExpireSession(): () => void {
  const dispatch = useSetAtom(flowAtom);
  const setSession = useSetAtom(contactSessionAtom);
  return useCallback(() => {
    setSession(null);
    dispatch({ type: "sessionExpired" });
  }, [dispatch, setSession]);
}

/** For mutation failures: handles SESSION_EXPIRED and says whether it did. */
export function useSessionErrorHandler(): (error: unknown) => boolean {
  const expire = useExpireSession();
  return useCallback(
    (error: unknown) => {
      if (errorCodeOf(error) !== "SESSION_EXPIRED") return false;
      expire();
      return true;
    },
    [expire],
  );
}

/** Asks again as soon as the session's expiry passes, before the visitor types into a dead session. */
export function useSessionExpiryTimer(expiresAt: number | null) {
  const expire = useExpireSession();
  useEffect(() => {
    if (expiresAt === null) return;
    // setTimeout overflows past 2^31 - 1 ms; sessions last a day, so this only guards bad data.
    const timer = window.setTimeout(
      expire,
      Math.min(2 ** 31 - 1, Math.max(0, expiresAt - Date.now())),
    );
    return () => window.clearTimeout(timer);
  }, [expiresAt, expire]);
}
