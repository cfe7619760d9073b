"use client";

import { Button } from "@echo/ui/components/button";
import { useTranslations } from "next-intl";

import { FileChooseButton } from "@/modules/dashboard/ui/components/file-choose-button";

/** The logo as the widget shows it, with a styled, translated chooser in place of the browser's. */
export function LogoField({
  url,
  fileName,
  onChoose,
  onRemove,
}: {
  url: string | null;
  fileName: string | null;
  onChoose: (file: File | undefined) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("customization");
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">{t("logo")}</legend>
      <div className="flex flex-wrap items-center gap-3">
        <div className="grid size-12 place-items-center overflow-hidden rounded-full border bg-muted">
          {url ? (
            // eslint-disable-next-line @next/next/no-img-element -- a user-uploaded logo from Convex storage
            <img src={url} alt={t("logoCurrent")} className="size-full object-contain" />
          ) : (
            <span className="text-xs text-muted-foreground">{t("logoNone")}</span>
          )}
        </div>
        <FileChooseButton
          buttonText={url ? t("logoReplace") : t("logoChoose")}
          accept="image/png,image/jpeg,image/svg+xml,image/webp"
          onChoose={onChoose}
        />
        {url ? (
          <Button type="button" variant="ghost" onClick={onRemove}>
            {t("logoRemove")}
          </Button>
        ) : null}
        <span className="text-xs text-muted-foreground" aria-live="polite">
          {fileName ?? t("logoHint")}
        </span>
      </div>
    </fieldset>
  );
}
