"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { Badge } from "@echo/ui/components/badge";
import { useMutation, useQuery } from "convex/react";
import { ListPlusIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { useLibraryShell } from "@/modules/settings/ui/components/library-shell";
import { OrganizationLibrary } from "@/modules/settings/ui/components/organization-library";

import type { FieldDefinition } from "../../lib/field-definition";
import { ContactFieldForm } from "../components/contact-field-form";
import { StageLabelsForm } from "../components/stage-labels-form";

type FieldItem = FieldDefinition & { _id: string };

/**
 * Settings › Contact fields: the custom fields every contact can carry and the lifecycle stages'
 * names. Every member reads them; admins add, redefine and remove fields and rename stages.
 */
export function ContactFieldsSettingsView() {
  const t = useTranslations("contactFieldSettings");
  const shell = useLibraryShell("contactFieldSettings", ListPlusIcon);
  const settings = useQuery(api.private.contactFields.list, {});
  const organization = useQuery(api.private.organization.current);
  const define = useMutation(api.private.contactFields.define);
  const remove = useMutation(api.private.contactFields.remove);
  const isAdmin = organization?.role === "owner" || organization?.role === "admin";
  const items: FieldItem[] | undefined = settings?.fields.map((field) => ({
    ...field,
    _id: field.key,
  }));
  const save = (field: FieldDefinition) =>
    define({
      key: field.key,
      label: field.label,
      type: field.type,
      ...(field.type === "select" ? { options: field.options } : {}),
    });

  return (
    <div className="grid">
      <OrganizationLibrary
        {...shell}
        items={items}
        itemClassName="grid gap-1"
        addForm={(run) => (
          <ContactFieldForm
            takenKeys={settings?.fields.map((field) => field.key)}
            submitLabel={t("add")}
            onSubmit={(field) =>
              run(() => save(field), t("created", { label: field.label.trim() }))
            }
          />
        )}
        renderEntry={(field, actions) => <Entry field={field} actions={actions} />}
        renderEditor={(field, run, close) => (
          <ContactFieldForm
            initial={field}
            submitLabel={t("save")}
            onCancel={close}
            onSubmit={async (changed) => {
              const done = await run(() => save(changed));
              if (done) close();
              return done;
            }}
          />
        )}
        removeTitle={(field) => t("removeConfirmTitle", { label: field.label })}
        onRemove={(field) => remove({ key: field.key })}
      />
      {settings && organization ? (
        <div className="mx-auto w-full max-w-3xl px-6 pb-6">
          <StageLabelsForm stageLabels={settings.stageLabels} canEdit={isAdmin} />
        </div>
      ) : null}
    </div>
  );
}

function Entry({ field, actions }: { field: FieldItem; actions: ReactNode }) {
  const t = useTranslations("contactFieldSettings");
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium [overflow-wrap:anywhere]">{field.label}</span>
        <code className="rounded bg-muted px-1.5 py-0.5 text-xs">{field.key}</code>
        <Badge variant="outline">{t(`types.${field.type}`)}</Badge>
        {actions}
      </div>
      {field.options.length > 0 ? (
        <p className="text-sm break-words text-muted-foreground">
          {t("optionList", { options: field.options.join(", ") })}
        </p>
      ) : null}
    </>
  );
}
