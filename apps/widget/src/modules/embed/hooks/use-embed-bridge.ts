"use client";

import { useAtomValue, useSetAtom } from "jotai";
import { useCallback, useEffect } from "react";

import { embedBridgeAtom, hostPageAtom } from "../atoms/embed-atoms";
import { createEmbedBridge } from "../lib/embed-bridge";
import type { WidgetPosition } from "../lib/protocol";

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

/** Tells the loader the launcher's corner; null while the widget does not know it yet. */
export function usePostPosition(position: WidgetPosition | null) {
  const bridge = useAtomValue(embedBridgeAtom);
  useEffect(() => {
    if (position) bridge?.post({ type: "position", position });
  }, [bridge, position]);
}
