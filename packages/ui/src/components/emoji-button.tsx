"use client";

import { Button } from "@echo/ui/components/button";
import { Smile } from "lucide-react";
import { lazy, Suspense, useEffect, useRef, useState } from "react";

// The grid is fetched the first time someone opens it, not with the composer.
const EmojiGrid = lazy(() =>
  import("@echo/ui/components/emoji-grid").then((module) => ({ default: module.EmojiGrid })),
);

/** Opens a small emoji grid above the composer; a pick goes into the draft and closes it. */
export function EmojiButton({
  onPick,
  labels,
}: {
  onPick: (emoji: string) => void;
  labels: { open: string; grid: string };
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === "Escape"
          : !root.current?.contains(event.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <Button
        type="button"
        variant="ghost"
        size="icon"
        aria-label={labels.open}
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        <Smile aria-hidden />
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <EmojiGrid
            label={labels.grid}
            className="absolute bottom-full left-0 z-10 mb-1"
            onPick={(emoji) => {
              onPick(emoji);
              setOpen(false);
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
