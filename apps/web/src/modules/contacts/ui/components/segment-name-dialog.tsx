"use client";

import { Button } from "@echo/ui/components/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogTitle,
  DialogTrigger,
} from "@echo/ui/components/dialog";
import { Input } from "@echo/ui/components/input";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

/** Asks for a segment's name (to save the filters under, or to rename it to) and submits it. */
export function SegmentNameDialog({
  trigger,
  title,
  description,
  submitLabel,
  initialName,
  onSubmit,
}: {
  trigger: ReactNode;
  title: string;
  description: string;
  submitLabel: string;
  initialName: string;
  onSubmit: (name: string) => Promise<unknown>;
}) {
  const t = useTranslations("contactSegments");
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setName(initialName);
          setError(null);
        }
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={t("cancel")}>
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>{description}</DialogDescription>
        <form
          className="grid gap-3"
          onSubmit={async (event) => {
            event.preventDefault();
            setBusy(true);
            setError(null);
            try {
              await onSubmit(name);
              setOpen(false);
            } catch (caught) {
              setError(errorMessage(caught));
            } finally {
              setBusy(false);
            }
          }}
        >
          <label className="grid gap-1">
            <span className="text-sm">{t("name")}</span>
            <Input
              value={name}
              maxLength={80}
              required
              placeholder={t("namePlaceholder")}
              onChange={(event) => setName(event.target.value)}
            />
          </label>
          {error ? (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          ) : null}
          <Button type="submit" disabled={busy || !name.trim()} className="justify-self-end">
            {submitLabel}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}
