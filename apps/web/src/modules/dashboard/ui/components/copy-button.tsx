"use client";

import { Button } from "@echo/ui/components/button";
import { Check, Copy } from "lucide-react";
import { type ComponentProps, useEffect, useState } from "react";

/**
 * Copies `text` to the clipboard and says so on the button for two seconds; a refused clipboard
 * leaves the label as it was (the text stays selectable beside it).
 */
export function CopyButton({
  text,
  label,
  copiedLabel,
  ...props
}: { text: string; label: string; copiedLabel: string } & Omit<
  ComponentProps<typeof Button>,
  "onClick" | "children"
>) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <Button {...props} onClick={() => void copy()}>
      {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
      <span aria-live="polite">{copied ? copiedLabel : label}</span>
    </Button>
  );
}
