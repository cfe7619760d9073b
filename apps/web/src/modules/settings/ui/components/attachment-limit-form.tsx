"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { Button } from "@echo/ui/components/button";
import { toast } from "@echo/ui/components/toaster";
import { Input } from "@echo/ui/components/input";
import { Label } from "@echo/ui/components/label";
import { useMutation, useQuery } from "convex/react";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

import { SettingsCard } from "./settings-card";

const MB = 1024 * 1024;

/** How large a file visitors and operators may send, set by admins (1 B to the backend's limit). */
export function AttachmentLimitForm() {
  const t = useTranslations("attachmentLimit");
  const tToasts = useTranslations("actionToasts");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const limits = useQuery(api.private.attachments.limits);
  const setMaxBytes = useMutation(api.private.attachments.setMaxBytes);
  const [status, setStatus] = useState<{ error?: string; saved?: boolean }>({});
  if (!limits) return null;
  const maxMb = limits.maxBytesLimit / MB;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const megabytes = Number(new FormData(event.currentTarget).get("maxMb"));
    const maxBytes = Math.round(megabytes * MB);
    if (!Number.isFinite(megabytes) || maxBytes < 1 || maxBytes > limits!.maxBytesLimit) {
      setStatus({ error: t("outOfRange", { max: maxMb }) });
      return;
    }
    try {
      await setMaxBytes({ maxBytes });
      setStatus({ saved: true });
      toast.success(tToasts("settingsSaved", { section: t("title") }));
    } catch (error) {
      setStatus({ error: errorMessage(error) });
    }
  }

  return (
    <SettingsCard title={t("title")} description={t("description")}>
      <form className="grid gap-4" onSubmit={(event) => void save(event)} noValidate>
        <div className="grid gap-2">
          <Label htmlFor="maxMb">{t("label")}</Label>
          <Input
            id="maxMb"
            name="maxMb"
            type="number"
            inputMode="decimal"
            step="any"
            min={0}
            max={maxMb}
            className="w-40"
            defaultValue={Number((limits.maxBytes / MB).toFixed(2))}
            aria-describedby="maxMb-hint"
          />
          <p id="maxMb-hint" className="text-xs text-muted-foreground">
            {t("hint", { max: format.number(maxMb) })}
          </p>
        </div>
        {status.error ? (
          <p role="alert" className="text-sm text-destructive">
            {status.error}
          </p>
        ) : null}
        {status.saved ? (
          <p role="status" className="text-sm text-muted-foreground">
            {t("saved")}
          </p>
        ) : null}
        <Button type="submit" className="w-fit">
          {t("save")}
        </Button>
      </form>
    </SettingsCard>
  );
}
