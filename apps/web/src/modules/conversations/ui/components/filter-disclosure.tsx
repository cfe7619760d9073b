"use client";

import { Button } from "@echo/ui/components/button";
import { cn } from "@echo/ui/lib/utils";
import { ChevronDownIcon, SlidersHorizontalIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { type ReactNode, useId, useState } from "react";

/**
 * The inbox's secondary filters: folded behind a "Filters" button (naming how many are set) on
 * phones, always shown from the md breakpoint up. The filters stay mounted while folded.
 */
export function FilterDisclosure({
  activeCount,
  children,
}: {
  activeCount: number;
  children: ReactNode;
}) {
  const t = useTranslations("inboxFilterDisclosure");
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <>
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="justify-between md:hidden"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((shown) => !shown)}
      >
        <span className="flex items-center gap-1.5">
          <SlidersHorizontalIcon aria-hidden />
          {activeCount ? t("toggleActive", { count: activeCount }) : t("toggle")}
        </span>
        <ChevronDownIcon aria-hidden className={cn("transition-transform", open && "rotate-180")} />
      </Button>
      <div id={panelId} className={cn("gap-2 md:grid", open ? "grid" : "hidden")}>
        {children}
      </div>
    </>
  );
}
