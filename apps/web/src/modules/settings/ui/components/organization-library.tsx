"use client";

import { api } from "@echo/backend/convex/_generated/api";
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
import { cn } from "@echo/ui/lib/utils";
import { useQuery } from "convex/react";
import { type ReactNode, useState } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

/** Runs a change, shows its error or `success`, and says whether it went through. */
export type RunChange = (change: () => Promise<unknown>, success?: string) => Promise<boolean>;

export type LibraryLabels = {
  title: string;
  description: string;
  adminsOnly: string;
  edit: string;
  remove: string;
  cancel: string;
  removeConfirm: string;
};

/**
 * A settings page for a list the organization shares (tags, canned responses): every member
 * reads it; admins add to it, edit an entry in place and remove one after confirming.
 */
export function OrganizationLibrary<Item extends { _id: string }>({
  labels,
  items,
  loading,
  empty,
  itemClassName,
  addForm,
  renderEntry,
  renderEditor,
  removeTitle,
  onRemove,
}: {
  labels: LibraryLabels;
  items: Item[] | undefined;
  loading: ReactNode;
  empty: ReactNode;
  itemClassName: string;
  addForm: (run: RunChange) => ReactNode;
  /** The entry as read; `actions` are the admin's Edit and Remove, or nothing. */
  renderEntry: (item: Item, actions: ReactNode) => ReactNode;
  renderEditor: (item: Item, run: RunChange, close: () => void) => ReactNode;
  removeTitle: (item: Item) => string;
  onRemove: (item: Item) => Promise<unknown>;
}) {
  const errorMessage = useErrorMessage();
  const organization = useQuery(api.private.organization.current);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const isAdmin = organization?.role === "owner" || organization?.role === "admin";

  const run: RunChange = async (change, success) => {
    setError(null);
    setNotice(null);
    try {
      await change();
      if (success) setNotice(success);
      return true;
    } catch (failure) {
      setError(errorMessage(failure));
      return false;
    }
  };

  const actions = (item: Item) =>
    isAdmin ? (
      <div className="ml-auto flex gap-1">
        <Button variant="ghost" size="sm" onClick={() => setEditing(item._id)}>
          {labels.edit}
        </Button>
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="ghost" size="sm">
              {labels.remove}
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogTitle>{removeTitle(item)}</AlertDialogTitle>
            <AlertDialogDescription>{labels.removeConfirm}</AlertDialogDescription>
            <AlertDialogFooter>
              <AlertDialogCancel>{labels.cancel}</AlertDialogCancel>
              <AlertDialogAction onClick={() => void run(() => onRemove(item))}>
                {labels.remove}
              </AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      </div>
    ) : null;

  return (
    <div className="mx-auto grid w-full max-w-3xl gap-4 p-6">
      <header className="grid gap-1">
        <h1 className="text-xl font-semibold">{labels.title}</h1>
        <p className="text-sm break-words text-muted-foreground">{labels.description}</p>
      </header>
      {organization && !isAdmin ? (
        <p className="text-sm text-muted-foreground">{labels.adminsOnly}</p>
      ) : null}
      {isAdmin ? addForm(run) : null}
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
      {items === undefined ? (
        loading
      ) : items.length === 0 ? (
        empty
      ) : (
        <ul className="divide-y rounded-md border" aria-label={labels.title}>
          {items.map((item) => (
            <li key={item._id} className={cn("p-3", itemClassName)}>
              {editing === item._id
                ? renderEditor(item, run, () => setEditing(null))
                : renderEntry(item, actions(item))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
