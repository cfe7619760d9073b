"use client";

import { useAtomValue, useSetAtom } from "jotai";
import { useCallback, useEffect } from "react";

import { embedBridgeAtom, hostPageAtom } from "../atoms/embed-atoms";
import { createEmbedBridge } from "../lib/embed-bridge";

/** Opens the postMessage channel with the loader for the lifetime of the widget. */
export function useEmbedBridge() {
  const setBridge = useSetAtom(embedBridgeAtom);
  const setHostPage = useSetAtom(hostPageAtom);
  useEffect(() => {
    const bridge = createEmbedBridge(window, setHostPage);
    setBridge(bridge);
    return () => {
      bridge.dispose();
      setBridge(null);
    };
  }, [setBridge, setHostPage]);
}

export function useCloseWidget(): () => void {
  const bridge = useAtomValue(embedBridgeAtom);
  return useCallback(() => bridge?.post({ type: "close" }), [bridge]);
}

export function usePostUnread(count: number) {
  const bridge = useAtomValue(embedBridgeAtom);
  useEffect(() => {
    bridge?.post({ type: "unread", count });
  }, [bridge, count]);
}
