"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Button } from "@echo/ui/components/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogTitle,
  DialogTrigger,
} from "@echo/ui/components/dialog";
import { Input } from "@echo/ui/components/input";
import { useMutation, usePaginatedQuery, useQuery } from "convex/react";
import { MergeIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useDeferredValue, useState } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

import { MergePreview } from "./merge-preview";

const CANDIDATES = 8;

/**
 * Merges another contact into this one: search for it, read what the merge combines, pick a
 * value for each conflict, confirm. The other contact's conversations come here.
 */
export function MergeContactDialog({
  contactId,
  name,
}: {
  contactId: Id<"contacts">;
  name: string;
}) {
  const t = useTranslations("contactMerge");
  const errorMessage = useErrorMessage();
  const merge = useMutation(api.private.contactAdmin.merge);
  const definitions = useQuery(api.private.contactFields.list, {});
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const [duplicateId, setDuplicateId] = useState<Id<"contacts"> | null>(null);
  const [useDuplicate, setUseDuplicate] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const query = useDeferredValue(search.trim());
  const { results } = usePaginatedQuery(
    api.private.contacts.list,
    open && query && !duplicateId ? { search: query } : "skip",
    { initialNumItems: CANDIDATES },
  );
  const preview = useQuery(
    api.private.contactMerge.preview,
    open && duplicateId ? { contactId, duplicateId } : "skip",
  );
  const reset = () => {
    setSearch("");
    setDuplicateId(null);
    setUseDuplicate([]);
    setError(null);
  };
  const confirm = async () => {
    if (!duplicateId) return;
    setBusy(true);
    setError(null);
    try {
      await merge({ contactId, duplicateId, useDuplicate });
      setOpen(false);
      reset();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <MergeIcon aria-hidden />
          {t("open")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("cancel")} className="max-h-[90vh] overflow-y-auto">
        <DialogTitle>{t("title", { name })}</DialogTitle>
        <DialogDescription>{t("description", { name })}</DialogDescription>
        {duplicateId === null ? (
          <div className="grid gap-2">
            <label className="grid gap-1">
              <span className="text-sm">{t("search")}</span>
              <Input
                type="search"
                autoFocus
                value={search}
                placeholder={t("searchPlaceholder")}
                onChange={(event) => setSearch(event.target.value)}
              />
            </label>
            <ul className="grid gap-1" aria-label={t("candidates")}>
              {results
                .filter((candidate) => candidate._id !== contactId)
                .map((candidate) => (
                  <li key={candidate._id}>
                    <button
                      type="button"
                      className="grid w-full rounded-md border px-3 py-2 text-left text-sm hover:bg-muted"
                      onClick={() => setDuplicateId(candidate._id)}
                    >
                      <span className="font-medium">{candidate.name}</span>
                      <span className="text-xs text-muted-foreground [overflow-wrap:anywhere]">
                        {[...candidate.emails, ...candidate.phones].join(", ")}
                      </span>
                    </button>
                  </li>
                ))}
            </ul>
          </div>
        ) : preview === undefined ? (
          <div className="h-24 animate-pulse rounded-md bg-muted" aria-label={t("loading")} />
        ) : (
          <div className="grid gap-4">
            <p className="text-sm">{t("summary", { duplicate: preview.duplicate.name, name })}</p>
            <MergePreview
              preview={preview}
              keptName={name}
              fields={definitions?.fields ?? []}
              useDuplicate={useDuplicate}
              onChoose={(field, fromDuplicate) =>
                setUseDuplicate((current) =>
                  fromDuplicate
                    ? [...current.filter((f) => f !== field), field]
                    : current.filter((f) => f !== field),
                )
              }
            />
            {error ? (
              <p role="alert" className="text-sm text-destructive">
                {error}
              </p>
            ) : null}
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="outline" onClick={() => setDuplicateId(null)}>
                {t("back")}
              </Button>
              <Button onClick={confirm} disabled={busy}>
                {t("confirm")}
              </Button>
            </div>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
