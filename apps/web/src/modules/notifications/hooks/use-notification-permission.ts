"use client";

import { useCallback, useSyncExternalStore } from "react";

export type PermissionState = NotificationPermission | "unsupported";

const current = (): PermissionState =>
  "Notification" in window ? Notification.permission : "unsupported";

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The browser's notification permission; `request` is only ever called from a click. */
export function useNotificationPermission() {
  const permission = useSyncExternalStore<PermissionState>(subscribe, current, () => "granted");
  const request = useCallback(async () => {
    if (current() === "unsupported") return;
    await Notification.requestPermission();
    for (const listener of listeners) listener();
  }, []);
  return { permission, request };
}
