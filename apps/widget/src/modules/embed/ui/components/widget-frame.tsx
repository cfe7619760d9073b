"use client";

import type { CSSProperties, ReactNode } from "react";
import { useEffect, useRef } from "react";

import { focusableWithin, wrapTarget } from "../../lib/focus-wrap";

/**
 * The widget's outer box: Tab and Shift+Tab wrap at its ends (the host page cannot be reached
 * from inside the iframe anyway), and Escape asks the loader to close the widget.
 */
export function WidgetFrame({
  children,
  onClose,
  style,
}: {
  children: ReactNode;
  onClose: () => void;
  style?: CSSProperties;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        onClose();
        return;
      }
      if (event.key !== "Tab" || !ref.current) return;
      const target = wrapTarget(
        focusableWithin(ref.current),
        document.activeElement,
        event.shiftKey,
      );
      if (target) {
        event.preventDefault();
        target.focus();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [onClose]);
  return (
    <div ref={ref} style={style} className="flex h-dvh flex-col bg-background text-foreground">
      {children}
    </div>
  );
}
