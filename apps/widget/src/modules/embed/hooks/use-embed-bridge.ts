"use client";

import { useAtomValue, useSetAtom } from "jotai";
import { useCallback, useEffect } from "react";

import {
  embedBridgeAtom,
  hostPageAtom,
  visitorIdentityAtom,
  widgetOpenAtom,
} from "../atoms/embed-atoms";
import { createEmbedBridge } from "../lib/embed-bridge";

/** Opens the postMessage channel with the loader for the lifetime of the widget. */
export function useEmbedBridge() {
  const setBridge = useSetAtom(embedBridgeAtom);
  const setHostPage = useSetAtom(hostPageAtom);
  const setOpen = useSetAtom(widgetOpenAtom);
  const setIdentity = useSetAtom(visitorIdentityAtom);
  useEffect(() => {
    const bridge = createEmbedBridge(window, setHostPage, setOpen, setIdentity);
    setBridge(bridge);
    return () => {
      bridge.dispose();
      setBridge(null);
    };
  }, [setBridge, setHostPage, setOpen, setIdentity]);
}

export function useCloseWidget(): () => void {
  const bridge = useAtomValue(embedBridgeAtom);
  return useCallback(() => bridge?.post({ type: "close" }), [bridge]);
}

/** The launcher's badge count, with the token that lets the loader ask for it on later page views. */
export function usePostUnread(count: number, token: string | undefined) {
  const bridge = useAtomValue(embedBridgeAtom);
  useEffect(() => {
    bridge?.post({ type: "unread", count, ...(token ? { token } : {}) });
  }, [bridge, count, token]);
}
