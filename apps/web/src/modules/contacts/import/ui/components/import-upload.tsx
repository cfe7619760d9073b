"use client";

import { Button } from "@echo/ui/components/button";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";

/** Chooses the CSV; the upload itself is the view's. */
export function ImportUpload({ busy, onFile }: { busy: boolean; onFile: (file: File) => void }) {
  const t = useTranslations("contactImport");
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState<string | null>(null);
  return (
    <div className="grid gap-3 rounded-md border border-dashed p-6">
      <label htmlFor={inputId} className="text-sm font-medium">
        {t("chooseFile")}
      </label>
      <p className="text-sm text-muted-foreground">{t("fileHint")}</p>
      <input
        id={inputId}
        ref={input}
        type="file"
        accept=".csv,text/csv"
        className="sr-only"
        disabled={busy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (!file) return;
          setName(file.name);
          onFile(file);
        }}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" disabled={busy} onClick={() => input.current?.click()}>
          {busy ? t("uploading") : t("chooseButton")}
        </Button>
        {name ? <span className="text-sm break-all text-muted-foreground">{name}</span> : null}
      </div>
    </div>
  );
}
