"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { Button } from "@echo/ui/components/button";
import { Input } from "@echo/ui/components/input";
import { Label } from "@echo/ui/components/label";
import { useAction } from "convex/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

/**
 * Connects a WhatsApp Cloud API number: Meta's ids, the access token and the app secret. `onError`
 * gets the failure, or null when an attempt starts (the card clears the last one).
 */
export function WhatsAppCloudForm({ onError }: { onError: (failure: unknown) => void }) {
  const t = useTranslations("whatsappCloud");
  const tWhatsApp = useTranslations("whatsapp");
  const connect = useAction(api.private.whatsapp.connectCloud);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    onError(null);
    try {
      await connect({
        phoneNumberId: String(form.get("phoneNumberId")),
        businessAccountId: String(form.get("businessAccountId")),
        accessToken: String(form.get("accessToken")),
        appSecret: String(form.get("appSecret")),
      });
    } catch (failure) {
      onError(failure);
    } finally {
      setBusy(false);
    }
  }

  const fields = [
    { name: "phoneNumberId", secret: false, numeric: true },
    { name: "businessAccountId", secret: false, numeric: true },
    { name: "accessToken", secret: true, numeric: false },
    { name: "appSecret", secret: true, numeric: false },
  ] as const;
  return (
    <form className="grid max-w-md gap-3" onSubmit={onSubmit}>
      <p className="text-xs text-muted-foreground">{t("cloudHelp")}</p>
      {fields.map((field) => (
        <div key={field.name} className="grid gap-1.5">
          <Label htmlFor={`whatsapp-cloud-${field.name}`}>{t(field.name)}</Label>
          <Input
            id={`whatsapp-cloud-${field.name}`}
            name={field.name}
            type={field.secret ? "password" : "text"}
            inputMode={field.numeric ? "numeric" : undefined}
            autoComplete="off"
            required
          />
        </div>
      ))}
      <Button type="submit" className="w-fit" disabled={busy}>
        {busy ? t("connecting") : tWhatsApp("connect")}
      </Button>
    </form>
  );
}
