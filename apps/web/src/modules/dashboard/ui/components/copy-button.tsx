"use client";

import { Button } from "@echo/ui/components/button";
import { toast } from "@echo/ui/components/toaster";
import { Check, Copy } from "lucide-react";
import { type ComponentProps, useEffect, useState } from "react";

/**
 * Copies `text` to the clipboard and says so on the button for two seconds and in a toast
 * (`copiedToast`); a refused clipboard leaves the label as it was (the text stays selectable beside it).
 */
export function CopyButton({
  text,
  label,
  copiedLabel,
  copiedToast,
  ...props
}: { text: string; label: string; copiedLabel: string; copiedToast: string } & Omit<
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
      toast.success(copiedToast);
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
