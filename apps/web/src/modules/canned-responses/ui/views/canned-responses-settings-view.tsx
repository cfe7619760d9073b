"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Doc } from "@echo/backend/convex/_generated/dataModel";
import { CANNED_VARIABLES } from "@echo/backend/convex/lib/cannedResponses/variables";
import { Badge } from "@echo/ui/components/badge";
import { useMutation, useQuery } from "convex/react";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { OrganizationLibrary } from "@/modules/settings/ui/components/organization-library";

import { type CannedLanguage, CannedResponseForm } from "../components/canned-response-form";

/** Settings › Canned responses: the organization's reply library; admins write it, all use it. */
export function CannedResponsesSettingsView() {
  const t = useTranslations("cannedResponses");
  const locale = useLocale();
  const responses = useQuery(api.private.cannedResponses.list);
  const create = useMutation(api.private.cannedResponses.create);
  const update = useMutation(api.private.cannedResponses.update);
  const remove = useMutation(api.private.cannedResponses.remove);
  const defaultLanguage: CannedLanguage = locale === "pt-BR" ? "pt-BR" : "en";
  const variables = CANNED_VARIABLES.map((name) => `{{${name}}}`).join(", ");

  return (
    <OrganizationLibrary
      labels={{
        title: t("title"),
        description: t("description", { variables }),
        adminsOnly: t("adminsOnly"),
        edit: t("edit"),
        remove: t("remove"),
        cancel: t("cancel"),
        removeConfirm: t("removeConfirm"),
      }}
      items={responses}
      loading={<div className="h-24 animate-pulse rounded-md bg-muted" aria-label={t("loading")} />}
      empty={<p className="text-sm text-muted-foreground">{t("empty")}</p>}
      itemClassName="grid gap-2"
      addForm={(run) => (
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
      )}
      renderEntry={(response, actions) => <Entry response={response} actions={actions} />}
      renderEditor={(response, run, close) => (
        <CannedResponseForm
          initial={fieldsOf(response)}
          defaultLanguage={response.language}
          submitLabel={t("save")}
          onCancel={close}
          onSubmit={async (fields) => {
            const done = await run(() => update({ cannedResponseId: response._id, ...fields }));
            if (done) close();
            return done;
          }}
        />
      )}
      removeTitle={(response) => t("removeConfirmTitle", { shortcut: response.shortcut })}
      onRemove={(response) => remove({ cannedResponseId: response._id })}
    />
  );
}

const fieldsOf = (response: Doc<"cannedResponses">) => ({
  title: response.title,
  shortcut: response.shortcut,
  body: response.body,
  language: response.language,
});

function Entry({ response, actions }: { response: Doc<"cannedResponses">; actions: ReactNode }) {
  const t = useTranslations("cannedResponses");
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <code className="rounded bg-muted px-1.5 py-0.5 text-sm">/{response.shortcut}</code>
        <span className="font-medium">{response.title}</span>
        <Badge variant="outline">{t(`languages.${response.language}`)}</Badge>
        {actions}
      </div>
      <p className="text-sm break-words whitespace-pre-wrap text-muted-foreground">
        {response.body}
      </p>
    </>
  );
}
