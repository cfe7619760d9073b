"use client";

import type { CSSProperties, ReactNode } from "react";
import { useEffect } from "react";

/**
 * The widget's outer box, a non-modal dialog beside the host page: Tab moves on to the page from
 * its last control (the browser does that from a frame), and Escape asks the loader to close it.
 */
export function WidgetFrame({
  children,
  label,
  onClose,
  style,
}: {
  children: ReactNode;
  label: string;
  onClose: () => void;
  style?: CSSProperties;
}) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      onClose();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [onClose]);
  return (
    <div
      role="dialog"
      aria-modal="false"
      aria-label={label}
      style={style}
      className="widget-safe-area flex h-dvh flex-col bg-background text-foreground"
    >
      {children}
    </div>
  );
}
