"use client";

import { useEffect, useRef } from "react";

import { type ShortcutAction, shortcutAction } from "../lib/inbox-shortcuts";

/** Runs the given inbox actions when their keys are pressed anywhere on the page. */
export function useInboxShortcuts(handlers: Partial<Record<ShortcutAction, () => void>>) {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      const action = shortcutAction(event);
      const handler = action ? current.current[action] : undefined;
      if (!handler) return;
      // Keeps the key from also being typed into a field the handler focuses.
      event.preventDefault();
      handler();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
