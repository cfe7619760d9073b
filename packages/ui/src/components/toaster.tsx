"use client";

import type * as React from "react";
import { Toaster as Sonner, toast } from "sonner";

/**
 * The one place an app shows toasts (`toast.success("…")` from anywhere below it), colored with
 * the theme's popover tokens so it follows light and dark. `label` names its region (translated).
 */
function Toaster({
  label,
  ...props
}: { label: string } & Omit<React.ComponentProps<typeof Sonner>, "containerAriaLabel">) {
  return (
    <Sonner
      position="bottom-right"
      closeButton
      containerAriaLabel={label}
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
        } as React.CSSProperties
      }
      {...props}
    />
  );
}

export { Toaster, toast };
