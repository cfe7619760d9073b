"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Button } from "@echo/ui/components/button";
import { SkeletonList } from "@echo/ui/components/skeleton";
import { useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

import {
  fromForm,
  type Language,
  toForm,
  validateForm,
  type WidgetSettingsForm,
} from "../../lib/widget-settings-form";
import { useVapiChoices } from "../../hooks/use-vapi-choices";
import { CopyFields } from "../components/copy-fields";
import { ColorField } from "../components/color-field";
import { Field } from "../components/field";
import { LogoField } from "../components/logo-field";
import { VapiChoiceField } from "../components/vapi-choice-field";
import { WidgetPreview } from "../components/widget-preview";

export function CustomizationView() {
  const t = useTranslations("dashboard");
  const tEmpty = useTranslations("emptyStates");
  const settings = useQuery(api.private.widgetSettings.get);
  const organization = useQuery(api.private.organization.current);
  if (settings === undefined || organization === undefined) {
    return (
      <SkeletonList
        className="m-6"
        label={tEmpty("loadingCustomization")}
        rows={4}
        avatar={false}
      />
    );
  }
  return (
    <CustomizationForm
      initial={toForm(settings)}
      logoStorageId={settings.logoStorageId}
      logoUrl={settings.logoUrl}
      premium={organization.premium}
      organizationName={organization.name ?? t("unnamedOrganization")}
    />
  );
}

function CustomizationForm({
  initial,
  logoStorageId,
  logoUrl,
  premium,
  organizationName,
}: {
  initial: WidgetSettingsForm;
  logoStorageId?: Id<"_storage">;
  logoUrl: string | null;
  premium: boolean;
  organizationName: string;
}) {
  const t = useTranslations("customization");
  const errorMessage = useErrorMessage();
  const upsert = useMutation(api.private.widgetSettings.upsert);
  const generateLogoUploadUrl = useMutation(api.private.widgetSettings.generateLogoUploadUrl);
  const [form, setForm] = useState(initial);
  const vapi = useVapiChoices();
  const [copyLanguage, setCopyLanguage] = useState<Language>(initial.defaultLanguage);
  const [logo, setLogo] = useState<{
    storageId?: Id<"_storage">;
    url: string | null;
    fileName?: string;
  }>({ storageId: logoStorageId, url: logoUrl });
  const [status, setStatus] = useState<{ kind: "saved" | "error"; message: string } | null>(null);
  const problems = validateForm(form);
  const problem = (path: string) => (problems[path] ? t(`problems.${problems[path]}`) : undefined);
  const update = (change: (draft: WidgetSettingsForm) => void) => {
    setForm((current) => {
      const next = structuredClone(current);
      change(next);
      return next;
    });
    setStatus(null);
  };

  async function uploadLogo(file: File | undefined) {
    if (!file) return;
    if (!file.type.startsWith("image/") || file.size > 1024 * 1024) {
      setStatus({ kind: "error", message: t("logoInvalid") });
      return;
    }
    const url = await generateLogoUploadUrl({});
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": file.type },
      body: file,
    });
    if (!response.ok) {
      setStatus({ kind: "error", message: t("logoInvalid") });
      return;
    }
    const { storageId } = (await response.json()) as { storageId: Id<"_storage"> };
    setLogo({ storageId, url: URL.createObjectURL(file), fileName: file.name });
    setStatus(null);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (Object.keys(problems).length > 0) return;
    try {
      await upsert({ settings: fromForm(form, logo.storageId) });
      setStatus({ kind: "saved", message: t("saved") });
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error) });
    }
  }

  return (
    <div className="grid gap-6 p-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
      <form className="grid max-w-2xl content-start gap-5" onSubmit={save} noValidate>
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-muted-foreground">{t("description")}</p>
        </div>
        <CopyFields
          form={form}
          language={copyLanguage}
          onLanguage={setCopyLanguage}
          problems={problems}
          update={update}
        />
        <fieldset className="grid gap-3 sm:grid-cols-3">
          <legend className="mb-1 text-sm font-medium">{t("colors")}</legend>
          {(["primary", "background", "text"] as const).map((key) => (
            <ColorField
              key={key}
              id={`color-${key}`}
              label={t(`color.${key}`)}
              value={form.colors[key]}
              problem={problem(`colors.${key}`)}
              onChange={(value) => update((draft) => void (draft.colors[key] = value))}
            />
          ))}
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="position" label={t("position")}>
            <select
              id="position"
              className="h-9 rounded-md border bg-background px-2 text-sm"
              value={form.position}
              onChange={(event) =>
                update(
                  (draft) =>
                    void (draft.position = event.target.value as WidgetSettingsForm["position"]),
                )
              }
            >
              <option value="bottom-right">{t("positions.bottom-right")}</option>
              <option value="bottom-left">{t("positions.bottom-left")}</option>
            </select>
          </Field>
          <Field id="language" label={t("language")}>
            <select
              id="language"
              className="h-9 rounded-md border bg-background px-2 text-sm"
              value={form.defaultLanguage}
              onChange={(event) =>
                update(
                  (draft) =>
                    void (draft.defaultLanguage = event.target
                      .value as WidgetSettingsForm["defaultLanguage"]),
                )
              }
            >
              <option value="en">English</option>
              <option value="pt-BR">Português (Brasil)</option>
            </select>
          </Field>
        </div>
        <LogoField
          url={logo.url}
          fileName={logo.fileName ?? null}
          onChoose={(file) => void uploadLogo(file)}
          onRemove={() => {
            setLogo({ url: null });
            setStatus(null);
          }}
        />
        <fieldset className="grid gap-3 rounded-lg border p-4">
          <legend className="px-1 text-sm font-medium">{t("voice")}</legend>
          {!premium ? <p className="text-xs text-muted-foreground">{t("voicePremium")}</p> : null}
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={form.voice.enabled}
              disabled={!premium}
              onChange={(event) =>
                update((draft) => void (draft.voice.enabled = event.target.checked))
              }
            />
            {t("voiceEnabled")}
          </label>
          <Field id="assistant" label={t("assistantId")}>
            <VapiChoiceField
              id="assistant"
              value={form.voice.assistantId}
              choices={vapi?.assistants ?? null}
              disabled={!premium}
              onChange={(value) => update((draft) => void (draft.voice.assistantId = value))}
            />
          </Field>
          <Field id="phone" label={t("phoneNumber")} problem={problem("voice.phoneNumber")}>
            <VapiChoiceField
              id="phone"
              value={form.voice.phoneNumber}
              choices={vapi?.phoneNumbers ?? null}
              inputProps={{ type: "tel" }}
              onChange={(value) => update((draft) => void (draft.voice.phoneNumber = value))}
            />
          </Field>
        </fieldset>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={Object.keys(problems).length > 0}>
            {t("save")}
          </Button>
          {status ? (
            <span
              role="status"
              className={
                status.kind === "error"
                  ? "text-sm text-destructive"
                  : "text-sm text-muted-foreground"
              }
            >
              {status.message}
            </span>
          ) : null}
        </div>
      </form>
      <WidgetPreview
        form={form}
        language={copyLanguage}
        logoUrl={logo.url}
        organizationName={organizationName}
      />
    </div>
  );
}
