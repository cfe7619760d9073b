import { Button } from "@echo/ui/components/button";
import { useTranslations } from "next-intl";
import type { FormEvent, ReactNode } from "react";

export type SaveStatus = { kind: "saved" | "error"; message: string } | null;

/** A settings page's heading, fields, and a save button only admins get. */
export function SettingsFormShell({
  title,
  description,
  canEdit,
  canSave,
  status,
  onSubmit,
  children,
}: {
  title: string;
  description: string;
  canEdit: boolean;
  canSave: boolean;
  status: SaveStatus;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}) {
  const t = useTranslations("agentSettings");
  return (
    <form className="grid max-w-2xl content-start gap-5 p-6" onSubmit={onSubmit} noValidate>
      <div>
        <h1 className="text-xl font-semibold">{title}</h1>
        <p className="text-sm text-muted-foreground">{description}</p>
      </div>
      {!canEdit ? <p className="text-sm text-muted-foreground">{t("adminsOnly")}</p> : null}
      {children}
      {canEdit ? (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={!canSave}>
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
      ) : null}
    </form>
  );
}
