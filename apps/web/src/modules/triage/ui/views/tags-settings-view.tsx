"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Doc } from "@echo/backend/convex/_generated/dataModel";
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
import { Button } from "@echo/ui/components/button";
import { EmptyState } from "@echo/ui/components/empty-state";
import { SkeletonList } from "@echo/ui/components/skeleton";
import { useMutation, useQuery } from "convex/react";
import { TagIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

import { TagChip } from "../components/tag-chip";
import { TagForm } from "../components/tag-form";

/** Settings › Tags: the organization's tag list; admins add, rename, recolor and remove tags. */
export function TagsSettingsView() {
  const t = useTranslations("tagSettings");
  const errorMessage = useErrorMessage();
  const tags = useQuery(api.private.tags.list);
  const organization = useQuery(api.private.organization.current);
  const create = useMutation(api.private.tags.create);
  const update = useMutation(api.private.tags.update);
  const remove = useMutation(api.private.tags.remove);
  const [editing, setEditing] = useState<Doc<"tags">["_id"] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const isAdmin = organization?.role === "owner" || organization?.role === "admin";

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

  return (
    <div className="mx-auto grid w-full max-w-3xl gap-4 p-6">
      <header className="grid gap-1">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </header>
      {organization && !isAdmin ? (
        <p className="text-sm text-muted-foreground">{t("adminsOnly")}</p>
      ) : null}
      {isAdmin ? (
        <TagForm
          submitLabel={t("add")}
          onSubmit={({ name, color }) =>
            run(() => create({ name, color }), t("created", { name: name.trim() }))
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
      {tags === undefined ? (
        <SkeletonList label={t("loading")} rows={3} avatar={false} />
      ) : tags.length === 0 ? (
        <EmptyState className="rounded-lg border" icon={TagIcon} title={t("empty")} />
      ) : (
        <ul className="divide-y rounded-md border" aria-label={t("title")}>
          {tags.map((tag) => (
            <li key={tag._id} className="flex flex-wrap items-center gap-2 p-3">
              {editing === tag._id ? (
                <TagForm
                  initial={{ name: tag.name, color: tag.color }}
                  submitLabel={t("save")}
                  onCancel={() => setEditing(null)}
                  onSubmit={async ({ name, color }) => {
                    const done = await run(() => update({ tagId: tag._id, name, color }));
                    if (done) setEditing(null);
                    return done;
                  }}
                />
              ) : (
                <>
                  <TagChip name={tag.name} color={tag.color} />
                  {isAdmin ? (
                    <div className="ml-auto flex gap-1">
                      <Button variant="ghost" size="sm" onClick={() => setEditing(tag._id)}>
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
                            {t("removeConfirmTitle", { name: tag.name })}
                          </AlertDialogTitle>
                          <AlertDialogDescription>{t("removeConfirm")}</AlertDialogDescription>
                          <AlertDialogFooter>
                            <AlertDialogCancel>{t("cancel")}</AlertDialogCancel>
                            <AlertDialogAction
                              onClick={() => void run(() => remove({ tagId: tag._id }))}
                            >
                              {t("remove")}
                            </AlertDialogAction>
                          </AlertDialogFooter>
                        </AlertDialogContent>
                      </AlertDialog>
                    </div>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
