"use client";

import { Button } from "@echo/ui/components/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogTitle,
  DialogTrigger,
} from "@echo/ui/components/dialog";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { useInboxShortcuts } from "../../hooks/use-inbox-shortcuts";
import { INBOX_SHORTCUTS, KEY_LABELS } from "../../lib/inbox-shortcuts";

/** The "?" button beside the inbox title, and the list of shortcuts it (or the ? key) opens. */
export function KeyboardShortcutsHelp() {
  const t = useTranslations("conversations.shortcuts");
  const [open, setOpen] = useState(false);
  useInboxShortcuts({ help: () => setOpen(true) });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-keyshortcuts="?" title={t("open")}>
          <span aria-hidden="true">?</span>
          <span className="sr-only">{t("open")}</span>
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")}>
        <DialogTitle>{t("title")}</DialogTitle>
        <DialogDescription>{t("description")}</DialogDescription>
        <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 text-sm">
          {INBOX_SHORTCUTS.map((shortcut) => (
            <div key={shortcut.action} className="contents" data-testid="shortcut">
              <dt>{t(`actions.${shortcut.action}`)}</dt>
              <dd className="flex gap-1">
                {shortcut.keys.map((key) => (
                  <kbd key={key} className="rounded border bg-muted px-1.5 font-mono text-xs">
                    {KEY_LABELS[key] ?? key}
                  </kbd>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
