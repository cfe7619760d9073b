"use client";

import { Button } from "@echo/ui/components/button";
import { Sheet, SheetContent, SheetTitle, SheetTrigger } from "@echo/ui/components/sheet";
import { MenuIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";

import { NavLinks } from "./nav-links";

/**
 * The phone-sized top bar: a menu button opening the sections, the organization, the language
 * and the account in a drawer, so no label is cut off at the screen's edge.
 */
export function MobileNavigation({
  organization,
  account,
}: {
  organization: ReactNode;
  account: ReactNode;
}) {
  const t = useTranslations("dashboard");
  const [open, setOpen] = useState(false);
  return (
    <header className="sticky top-0 z-40 flex h-(--dashboard-top-bar) items-center gap-2 border-b bg-background px-2 md:hidden">
      <Sheet open={open} onOpenChange={setOpen}>
        <SheetTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={t("openNavigation")}>
            <MenuIcon aria-hidden />
          </Button>
        </SheetTrigger>
        <SheetContent side="left" closeLabel={t("closeNavigation")} aria-describedby={undefined}>
          <SheetTitle className="px-2 text-lg">Echo</SheetTitle>
          {organization}
          <nav aria-label={t("navigation")}>
            <NavLinks onNavigate={() => setOpen(false)} />
          </nav>
          <div className="mt-auto grid gap-2 px-2 text-sm">{account}</div>
        </SheetContent>
      </Sheet>
      <span className="text-lg font-semibold">Echo</span>
    </header>
  );
}
