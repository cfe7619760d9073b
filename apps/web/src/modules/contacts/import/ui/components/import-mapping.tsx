"use client";

import { Button } from "@echo/ui/components/button";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { LabeledSelect } from "../../../ui/components/labeled-select";
import { targetOptions } from "../../lib/import-targets";

export type MappingJob = {
  headers: string[];
  preview: string[][];
  mapping: Record<string, string>;
  mode: "update" | "skip";
};

/** The first rows of the file, a field for each column, and what to do with known contacts. */
export function ImportMapping({
  job,
  fields,
  onStart,
}: {
  job: MappingJob;
  fields: Array<{ key: string; label: string }>;
  onStart: (mapping: Record<string, string>, mode: "update" | "skip") => Promise<void>;
}) {
  const t = useTranslations("contactImport");
  const modeName = useId();
  const [mapping, setMapping] = useState(job.mapping);
  const [mode, setMode] = useState(job.mode);
  const [busy, setBusy] = useState(false);
  const options = targetOptions(
    fields,
    (target) => t(`targets.${target}`),
    (label) => t("customTarget", { label }),
  );
  const targets = Object.values(mapping);
  const canStart = targets.includes("emails") || targets.includes("phones");
  return (
    <div className="grid gap-6">
      <section className="grid gap-2">
        <h2 className="font-medium">{t("previewTitle")}</h2>
        <div
          className="overflow-x-auto rounded-md border"
          tabIndex={0}
          aria-label={t("previewTitle")}
        >
          <table className="w-full text-sm">
            <thead className="bg-muted/50 text-left">
              <tr>
                {job.headers.map((header, index) => (
                  <th key={index} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {job.preview.map((row, rowIndex) => (
                <tr key={rowIndex} className="border-t">
                  {job.headers.map((_, index) => (
                    <td key={index} className="px-3 py-2 whitespace-nowrap">
                      {row[index] ?? ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="grid gap-3">
        <h2 className="font-medium">{t("mappingTitle")}</h2>
        <p className="text-sm text-muted-foreground">{t("mappingHint")}</p>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {job.headers
            .filter((header) => header)
            .map((header) => (
              <LabeledSelect
                key={header}
                label={t("columnLabel", { column: header })}
                value={mapping[header] ?? "ignore"}
                options={options}
                onChange={(value) => setMapping((current) => ({ ...current, [header]: value }))}
              />
            ))}
        </div>
      </section>
      <fieldset className="grid gap-2">
        <legend className="font-medium">{t("modeTitle")}</legend>
        {(["skip", "update"] as const).map((option) => (
          <label key={option} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name={modeName}
              value={option}
              checked={mode === option}
              onChange={() => setMode(option)}
              className="mt-1"
            />
            <span>{t(`modes.${option}`)}</span>
          </label>
        ))}
      </fieldset>
      {canStart ? null : (
        <p role="alert" className="text-sm text-destructive">
          {t("needIdentity")}
        </p>
      )}
      <Button
        className="justify-self-start"
        disabled={!canStart || busy}
        onClick={async () => {
          setBusy(true);
          try {
            await onStart(mapping, mode);
          } finally {
            setBusy(false);
          }
        }}
      >
        {t("start")}
      </Button>
    </div>
  );
}
