"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { Badge } from "@echo/ui/components/badge";
import { Button } from "@echo/ui/components/button";
import { Input } from "@echo/ui/components/input";
import { Label } from "@echo/ui/components/label";
import { cn } from "@echo/ui/lib/utils";
import { useAction, useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useState } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

type Tab = "assistants" | "phoneNumbers";
type Row = { id: string; primary: string; secondary: string | null };

function VapiResources({ tab }: { tab: Tab }) {
  const t = useTranslations("plugins.vapi");
  const errorMessage = useErrorMessage();
  const listAssistants = useAction(api.private.plugins.listAssistants);
  const listPhoneNumbers = useAction(api.private.plugins.listPhoneNumbers);
  const [state, setState] = useState<{ tab: Tab; rows?: Row[]; error?: string } | null>(null);

  useEffect(() => {
    let current = true;
    const load =
      tab === "assistants"
        ? listAssistants({}).then((items) =>
            items.map((item) => ({
              id: item.id,
              primary: item.name ?? item.id,
              secondary: item.id,
            })),
          )
        : listPhoneNumbers({}).then((items) =>
            items.map((item) => ({
              id: item.id,
              primary: item.number ?? item.name ?? item.id,
              secondary: item.provider,
            })),
          );
    load.then(
      (rows) => current && setState({ tab, rows }),
      (error: unknown) => current && setState({ tab, error: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [tab, listAssistants, listPhoneNumbers, errorMessage]);

  if (!state || state.tab !== tab)
    return <div className="h-24 animate-pulse rounded-md bg-muted" aria-label={t("loading")} />;
  if (state.error)
    return (
      <p role="alert" className="text-sm text-destructive">
        {state.error}
      </p>
    );
  if (!state.rows?.length)
    return (
      <p className="text-sm text-muted-foreground">
        {t(tab === "assistants" ? "noAssistants" : "noPhoneNumbers")}
      </p>
    );
  return (
    <ul className="divide-y rounded-lg border" data-testid={`vapi-${tab}`}>
      {state.rows.map((row) => (
        <li key={row.id} className="flex items-center justify-between gap-2 p-3 text-sm">
          <span className="font-medium">{row.primary}</span>
          {row.secondary ? (
            <span className="truncate text-xs text-muted-foreground">{row.secondary}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function VapiPluginView() {
  const t = useTranslations("plugins.vapi");
  const errorMessage = useErrorMessage();
  const plugin = useQuery(api.private.plugins.get, { service: "vapi" });
  const connect = useAction(api.private.plugins.connect);
  const disconnect = useMutation(api.private.plugins.disconnect);
  const [tab, setTab] = useState<Tab>("assistants");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onConnect(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await connect({
        privateKey: String(form.get("privateKey")).trim(),
        publicKey: String(form.get("publicKey")).trim(),
        webhookSecret: String(form.get("webhookSecret")).trim() || undefined,
      });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  if (plugin === undefined) return <div className="m-6 h-40 animate-pulse rounded-md bg-muted" />;
  const connected = plugin.state === "connected";
  return (
    <section className="mx-auto grid max-w-3xl gap-6 p-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <Badge variant={connected ? "success" : "secondary"} data-testid="vapi-state">
          {connected ? t("connected") : t("notConnected")}
        </Badge>
      </div>
      <p className="text-sm text-muted-foreground">{t("description")}</p>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      {connected ? (
        <>
          <div role="tablist" aria-label={t("resources")} className="flex gap-1">
            {(["assistants", "phoneNumbers"] as const).map((option) => (
              <button
                key={option}
                type="button"
                role="tab"
                aria-selected={tab === option}
                onClick={() => setTab(option)}
                className={cn(
                  "rounded-md border px-3 py-1 text-sm",
                  tab === option
                    ? "border-primary bg-primary text-primary-foreground"
                    : "hover:bg-accent",
                )}
              >
                {t(option)}
              </button>
            ))}
          </div>
          <div role="tabpanel">
            <VapiResources tab={tab} />
          </div>
          <Button
            variant="outline"
            className="w-fit"
            onClick={() => void disconnect({ service: "vapi" })}
          >
            {t("disconnect")}
          </Button>
        </>
      ) : (
        <form className="grid max-w-md gap-4" onSubmit={onConnect}>
          <div className="grid gap-1.5">
            <Label htmlFor="privateKey">{t("privateKey")}</Label>
            <Input id="privateKey" name="privateKey" type="password" autoComplete="off" required />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="publicKey">{t("publicKey")}</Label>
            <Input id="publicKey" name="publicKey" autoComplete="off" required />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="webhookSecret">{t("webhookSecret")}</Label>
            <Input id="webhookSecret" name="webhookSecret" type="password" autoComplete="off" />
          </div>
          <Button type="submit" className="w-fit" disabled={busy}>
            {busy ? t("connecting") : t("connect")}
          </Button>
        </form>
      )}
    </section>
  );
}
