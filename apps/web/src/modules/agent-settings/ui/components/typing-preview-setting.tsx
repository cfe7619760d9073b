"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { toast } from "@echo/ui/components/toaster";
import { useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

/** Whether operators see the visitor's draft while they type; admins change it, off by default. */
export function TypingPreviewSetting({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("presence.typingPreview");
  const tToasts = useTranslations("actionToasts");
  const errorMessage = useErrorMessage();
  const setting = useQuery(api.private.typing.previewSetting);
  const setPreview = useMutation(api.private.typing.setPreview);
  const [status, setStatus] = useState<{ error: boolean; message: string } | null>(null);
  if (setting === undefined) return null;
  return (
    <section className="grid max-w-2xl gap-2 px-6 pb-6" aria-labelledby="typing-preview-title">
      <h2 id="typing-preview-title" className="font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-muted-foreground">{t("description")}</p>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="size-4"
          checked={setting.enabled}
          disabled={!canEdit}
          onChange={(event) => {
            setStatus(null);
            setPreview({ enabled: event.target.checked }).then(
              () => {
                setStatus({ error: false, message: t("saved") });
                toast.success(tToasts("settingsSaved", { section: t("title") }));
              },
              (error: unknown) => setStatus({ error: true, message: errorMessage(error) }),
            );
          }}
        />
        {t("label")}
      </label>
      {status ? (
        <p
          role="status"
          className={status.error ? "text-sm text-destructive" : "text-sm text-muted-foreground"}
        >
          {status.message}
        </p>
      ) : null}
    </section>
  );
}
