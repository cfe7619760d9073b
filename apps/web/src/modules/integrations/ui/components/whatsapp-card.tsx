"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { Badge } from "@echo/ui/components/badge";
import { Button } from "@echo/ui/components/button";
import { Input } from "@echo/ui/components/input";
import { Label } from "@echo/ui/components/label";
import { useAction, useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

import { CopyButton } from "@/modules/dashboard/ui/components/copy-button";
import { useErrorMessage } from "@/modules/convex/use-error-message";

import { WhatsAppCloudForm } from "./whatsapp-cloud-form";

const STATE_VARIANT = {
  connected: "success",
  qr: "warning",
  disconnected: "destructive",
  unknown: "secondary",
} as const;

/**
 * The organization's WhatsApp number (admins), through an Evolution API instance or the Cloud
 * API: credentials are checked with the gateway and kept as secrets; the card shows the state,
 * the webhook URL (and, for the Cloud API, the verify token) to paste into the gateway.
 */
export function WhatsAppCard() {
  const t = useTranslations("whatsapp");
  const tToasts = useTranslations("actionToasts");
  const errorMessage = useErrorMessage();
  const connection = useQuery(api.private.whatsapp.get, {});
  const connect = useAction(api.private.whatsapp.connect);
  const disconnect = useMutation(api.private.whatsapp.disconnect);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [registered, setRegistered] = useState<boolean | null>(null);
  const tCloud = useTranslations("whatsappCloud");
  const [gateway, setGateway] = useState<"evolution" | "cloud">("evolution");

  async function onConnect(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const result = await connect({
        serverUrl: String(form.get("serverUrl")),
        instanceName: String(form.get("instanceName")),
        apiKey: String(form.get("apiKey")),
      });
      setRegistered(result.webhookRegistered);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="whatsapp-title" className="grid gap-3 rounded-md border p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="whatsapp-title" className="font-semibold">
          {t("title")}
        </h2>
        {connection === undefined ? null : (
          <Badge
            variant={connection ? STATE_VARIANT[connection.state] : "secondary"}
            data-testid="whatsapp-state"
          >
            {connection ? t(`state.${connection.state}`) : t("notConnected")}
          </Badge>
        )}
      </div>
      <p className="text-sm text-muted-foreground">{t("description")}</p>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      {connection === undefined ? (
        <div className="h-24 animate-pulse rounded-md bg-muted" />
      ) : connection ? (
        <div className="grid gap-2 text-sm">
          {connection.gateway === "evolution" ? (
            <>
              <p>
                {t("instance", {
                  instance: connection.instanceName,
                  server: connection.serverUrl,
                })}
              </p>
              {connection.state === "qr" ? <p>{t("scanQr")}</p> : null}
            </>
          ) : (
            <>
              <p>
                {connection.verifiedName
                  ? tCloud("number", {
                      phone: connection.displayPhoneNumber,
                      name: connection.verifiedName,
                    })
                  : tCloud("numberUnnamed", { phone: connection.displayPhoneNumber })}
              </p>
              <p className="text-xs text-muted-foreground">
                {tCloud("ids", {
                  phoneNumberId: connection.phoneNumberId,
                  businessAccountId: connection.businessAccountId,
                })}
              </p>
            </>
          )}
          <p className="font-medium">{t("webhookUrl")}</p>
          <code
            data-testid="whatsapp-webhook-url"
            className="rounded-md border bg-muted p-2 text-xs [overflow-wrap:anywhere]"
          >
            {connection.webhookUrl}
          </code>
          {connection.gateway === "cloud" && connection.verifyToken ? (
            <>
              <p className="font-medium">{tCloud("verifyToken")}</p>
              <code
                data-testid="whatsapp-verify-token"
                className="rounded-md border bg-muted p-2 text-xs [overflow-wrap:anywhere]"
              >
                {connection.verifyToken}
              </code>
            </>
          ) : null}
          <p className="text-xs text-muted-foreground">
            {connection.gateway === "cloud"
              ? tCloud("webhookHelp")
              : registered === false
                ? t("webhookManual")
                : t("webhookHelp")}
          </p>
          <div className="flex flex-wrap gap-2">
            <CopyButton
              size="sm"
              text={connection.webhookUrl}
              label={t("copy")}
              copiedLabel={t("copied")}
              copiedToast={tToasts("copied", { what: t("webhookUrl") })}
            />
            {connection.gateway === "cloud" && connection.verifyToken ? (
              <CopyButton
                size="sm"
                text={connection.verifyToken}
                label={tCloud("copyToken")}
                copiedLabel={t("copied")}
                copiedToast={tToasts("copied", { what: tCloud("verifyToken") })}
              />
            ) : null}
            <Button size="sm" variant="outline" onClick={() => void disconnect({})}>
              {t("disconnect")}
            </Button>
          </div>
        </div>
      ) : (
        <div className="grid gap-3">
          <div role="group" aria-label={tCloud("gateway")} className="flex flex-wrap gap-2">
            {(["evolution", "cloud"] as const).map((kind) => (
              <Button
                key={kind}
                type="button"
                size="sm"
                variant={gateway === kind ? "default" : "outline"}
                aria-pressed={gateway === kind}
                onClick={() => setGateway(kind)}
              >
                {tCloud(kind)}
              </Button>
            ))}
          </div>
          {gateway === "cloud" ? (
            <WhatsAppCloudForm
              onError={(failure) => setError(failure === null ? null : errorMessage(failure))}
            />
          ) : (
            <form className="grid max-w-md gap-3" onSubmit={onConnect}>
              <p className="text-xs text-muted-foreground">{tCloud("evolutionHelp")}</p>
              <div className="grid gap-1.5">
                <Label htmlFor="whatsapp-server">{t("serverUrl")}</Label>
                <Input
                  id="whatsapp-server"
                  name="serverUrl"
                  type="url"
                  placeholder="https://evolution.example.com"
                  required
                />
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="whatsapp-instance">{t("instanceName")}</Label>
                <Input id="whatsapp-instance" name="instanceName" autoComplete="off" required />
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="whatsapp-key">{t("apiKey")}</Label>
                <Input
                  id="whatsapp-key"
                  name="apiKey"
                  type="password"
                  autoComplete="off"
                  required
                />
              </div>
              <Button type="submit" className="w-fit" disabled={busy}>
                {busy ? t("connecting") : t("connect")}
              </Button>
            </form>
          )}
        </div>
      )}
    </section>
  );
}
