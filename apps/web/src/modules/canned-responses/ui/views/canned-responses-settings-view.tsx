"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Doc, Id } from "@echo/backend/convex/_generated/dataModel";
import { CANNED_VARIABLES } from "@echo/backend/convex/lib/cannedResponses/variables";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@echo/ui/components/alert-dialog";
import { Badge } from "@echo/ui/components/badge";
import { Button } from "@echo/ui/components/button";
import { useMutation, useQuery } from "convex/react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

import { type CannedLanguage, CannedResponseForm } from "../components/canned-response-form";

/** Settings › Canned responses: the organization's reply library; admins write it, all use it. */
export function CannedResponsesSettingsView() {
  const t = useTranslations("cannedResponses");
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const responses = useQuery(api.private.cannedResponses.list);
  const organization = useQuery(api.private.organization.current);
  const create = useMutation(api.private.cannedResponses.create);
  const update = useMutation(api.private.cannedResponses.update);
  const remove = useMutation(api.private.cannedResponses.remove);
  const [editing, setEditing] = useState<Id<"cannedResponses"> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const isAdmin = organization?.role === "owner" || organization?.role === "admin";
  const defaultLanguage: CannedLanguage = locale === "pt-BR" ? "pt-BR" : "en";

  async function run(action: () => Promise<unknown>, success?: string) {
    setError(null);
    setNotice(null);
    try {
      await action();
      if (success) setNotice(success);
      return true;
    } catch (failure) {
      setError(errorMessage(failure));
      return false;
    }
  }

  const variables = CANNED_VARIABLES.map((name) => `{{${name}}}`).join(", ");
  return (
    <div className="mx-auto grid w-full max-w-3xl gap-4 p-6">
      <header className="grid gap-1">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm break-words text-muted-foreground">
          {t("description", { variables })}
        </p>
      </header>
      {organization && !isAdmin ? (
        <p className="text-sm text-muted-foreground">{t("adminsOnly")}</p>
      ) : null}
      {isAdmin ? (
        <CannedResponseForm
          defaultLanguage={defaultLanguage}
          submitLabel={t("add")}
          onSubmit={(fields) =>
            run(
              () => create(fields),
              t("created", { shortcut: fields.shortcut.trim().replace(/^\//, "") }),
            )
          }
        />
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="text-sm text-muted-foreground">
          {notice}
        </p>
      ) : null}
      {responses === undefined ? (
        <div className="h-24 animate-pulse rounded-md bg-muted" aria-label={t("loading")} />
      ) : responses.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("empty")}</p>
      ) : (
        <ul className="divide-y rounded-md border" aria-label={t("title")}>
          {responses.map((response) => (
            <li key={response._id} className="grid gap-2 p-3">
              {editing === response._id ? (
                <CannedResponseForm
                  initial={fieldsOf(response)}
                  defaultLanguage={response.language}
                  submitLabel={t("save")}
                  onCancel={() => setEditing(null)}
                  onSubmit={async (fields) => {
                    const done = await run(() =>
                      update({ cannedResponseId: response._id, ...fields }),
                    );
                    if (done) setEditing(null);
                    return done;
                  }}
                />
              ) : (
                <Entry
                  response={response}
                  isAdmin={isAdmin}
                  onEdit={() => setEditing(response._id)}
                  onRemove={() => void run(() => remove({ cannedResponseId: response._id }))}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const fieldsOf = (response: Doc<"cannedResponses">) => ({
  title: response.title,
  shortcut: response.shortcut,
  body: response.body,
  language: response.language,
});

function Entry({
  response,
  isAdmin,
  onEdit,
  onRemove,
}: {
  response: Doc<"cannedResponses">;
  isAdmin: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const t = useTranslations("cannedResponses");
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <code className="rounded bg-muted px-1.5 py-0.5 text-sm">/{response.shortcut}</code>
        <span className="font-medium">{response.title}</span>
        <Badge variant="outline">{t(`languages.${response.language}`)}</Badge>
        {isAdmin ? (
          <div className="ml-auto flex gap-1">
            <Button variant="ghost" size="sm" onClick={onEdit}>
              {t("edit")}
            </Button>
            <AlertDialog>
              <AlertDialogTrigger asChild>
                <Button variant="ghost" size="sm">
                  {t("remove")}
                </Button>
              </AlertDialogTrigger>
              <AlertDialogContent>
                <AlertDialogTitle>
                  {t("removeConfirmTitle", { shortcut: response.shortcut })}
                </AlertDialogTitle>
                <AlertDialogDescription>{t("removeConfirm")}</AlertDialogDescription>
                <AlertDialogFooter>
                  <AlertDialogCancel>{t("cancel")}</AlertDialogCancel>
                  <AlertDialogAction onClick={onRemove}>{t("remove")}</AlertDialogAction>
                </AlertDialogFooter>
              </AlertDialogContent>
            </AlertDialog>
          </div>
        ) : null}
      </div>
      <p className="text-sm break-words whitespace-pre-wrap text-muted-foreground">
        {response.body}
      </p>
    </>
  );
}
