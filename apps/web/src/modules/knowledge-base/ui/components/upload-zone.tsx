"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Input } from "@echo/ui/components/input";
import { Label } from "@echo/ui/components/label";
import { cn } from "@echo/ui/lib/utils";
import { useMutation } from "convex/react";
import { useTranslations } from "next-intl";
import { type DragEvent, useId, useState } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

import {
  ACCEPTED_EXTENSIONS,
  KnowledgeUploadError,
  uploadKnowledgeFile,
} from "../../lib/upload-knowledge-file";

type Outcome = { name: string; error: string | null };

export function UploadZone() {
  const t = useTranslations("knowledgeBase");
  const tUrl = useTranslations("knowledgePublicUrl");
  const errorMessage = useErrorMessage();
  const inputId = useId();
  const urlId = useId();
  const [publicUrl, setPublicUrl] = useState("");
  const generateUploadUrl = useMutation(api.private.knowledgeFiles.generateUploadUrl);
  const add = useMutation(api.private.knowledgeFiles.add);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);

  async function upload(files: File[]) {
    if (files.length === 0) return;
    setBusy(true);
    const results = await Promise.all(
      files.map(async (file): Promise<Outcome> => {
        try {
          await uploadKnowledgeFile(file, {
            generateUploadUrl: () => generateUploadUrl({}),
            add: (args) =>
              add({
                storageId: args.storageId as Id<"_storage">,
                name: args.name,
                ...(publicUrl.trim() ? { publicUrl: publicUrl.trim() } : {}),
              }),
          });
          return { name: file.name, error: null };
        } catch (error) {
          const message =
            error instanceof KnowledgeUploadError
              ? t(`problems.${error.problem}`)
              : errorMessage(error);
          return { name: file.name, error: message };
        }
      }),
    );
    setOutcomes(results);
    if (results.every((result) => result.error === null)) setPublicUrl("");
    setBusy(false);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void upload([...event.dataTransfer.files]);
  }

  return (
    <div className="grid gap-2">
      <div className="grid gap-1">
        <Label htmlFor={urlId}>{tUrl("label")}</Label>
        <Input
          id={urlId}
          type="url"
          inputMode="url"
          placeholder="https://"
          value={publicUrl}
          disabled={busy}
          aria-describedby={`${urlId}-hint`}
          onChange={(event) => setPublicUrl(event.target.value)}
        />
        <p id={`${urlId}-hint`} className="text-xs text-muted-foreground">
          {tUrl("hint")}
        </p>
      </div>
      <label
        htmlFor={inputId}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={cn(
          "flex cursor-pointer flex-col items-center gap-1 rounded-lg border-2 border-dashed p-6 text-center text-sm",
          dragging && "border-primary bg-accent",
        )}
      >
        <span className="font-medium">{busy ? t("uploading") : t("dropHere")}</span>
        <span className="text-muted-foreground">
          {t("accepted", { types: ACCEPTED_EXTENSIONS.join(", ") })}
        </span>
      </label>
      <input
        id={inputId}
        type="file"
        multiple
        accept={ACCEPTED_EXTENSIONS.join(",")}
        className="sr-only"
        aria-label={t("chooseFiles")}
        disabled={busy}
        onChange={(event) => {
          void upload([...(event.target.files ?? [])]);
          event.target.value = "";
        }}
      />
      {outcomes.length > 0 ? (
        <ul className="grid gap-1 text-sm" aria-live="polite">
          {outcomes.map((outcome) => (
            <li
              key={outcome.name}
              className={outcome.error ? "text-destructive" : "text-muted-foreground"}
            >
              {outcome.error
                ? t("uploadFailed", { name: outcome.name, reason: outcome.error })
                : t("uploaded", { name: outcome.name })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
