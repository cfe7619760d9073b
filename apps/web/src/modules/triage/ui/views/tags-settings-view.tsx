"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { useMutation, useQuery } from "convex/react";
import { TagIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { useLibraryShell } from "@/modules/settings/ui/components/library-shell";
import { OrganizationLibrary } from "@/modules/settings/ui/components/organization-library";

import { TagChip } from "../components/tag-chip";
import { TagForm } from "../components/tag-form";

/** Settings › Tags: the organization's tag list; admins add, rename, recolor and remove tags. */
export function TagsSettingsView() {
  const t = useTranslations("tagSettings");
  const shell = useLibraryShell("tagSettings", TagIcon);
  const tags = useQuery(api.private.tags.list);
  const create = useMutation(api.private.tags.create);
  const update = useMutation(api.private.tags.update);
  const remove = useMutation(api.private.tags.remove);

  return (
    <OrganizationLibrary
      {...shell}
      items={tags}
      itemClassName="flex flex-wrap items-center gap-2"
      addForm={(run) => (
        <TagForm
          submitLabel={t("add")}
          onSubmit={({ name, color }) =>
            run(() => create({ name, color }), t("created", { name: name.trim() }))
          }
        />
      )}
      renderEntry={(tag, actions) => (
        <>
          <TagChip name={tag.name} color={tag.color} />
          {actions}
        </>
      )}
      renderEditor={(tag, run, close) => (
        <TagForm
          initial={{ name: tag.name, color: tag.color }}
          submitLabel={t("save")}
          onCancel={close}
          onSubmit={async ({ name, color }) => {
            const done = await run(() => update({ tagId: tag._id, name, color }));
            if (done) close();
            return done;
          }}
        />
      )}
      removeTitle={(tag) => t("removeConfirmTitle", { name: tag.name })}
      onRemove={(tag) => remove({ tagId: tag._id })}
    />
  );
}
