"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
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
import { useConvex, useMutation } from "convex/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { useRouter } from "@/i18n/navigation";
import { useErrorMessage } from "@/modules/convex/use-error-message";

/** A privacy request's two answers: the contact's data as JSON, or its erasure (admins). */
export function ContactActions({ contactId, name }: { contactId: Id<"contacts">; name: string }) {
  const t = useTranslations("contacts.actions");
  const convex = useConvex();
  const remove = useMutation(api.private.contactAdmin.remove);
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);

  const exportJson = async () => {
    setError(null);
    try {
      const data = await convex.query(api.private.contactHistory.exportData, { contactId });
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }),
      );
      const link = document.createElement("a");
      link.href = url;
      link.download = `contact-${contactId}.json`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  const erase = async () => {
    setError(null);
    try {
      await remove({ contactId });
      router.push("/contacts");
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap gap-2">
        <Button variant="outline" onClick={exportJson}>
          {t("export")}
        </Button>
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="destructive">{t("delete")}</Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogTitle>{t("deleteTitle", { name })}</AlertDialogTitle>
            <AlertDialogDescription>{t("deleteDescription")}</AlertDialogDescription>
            <AlertDialogFooter>
              <AlertDialogCancel>{t("cancel")}</AlertDialogCancel>
              <AlertDialogAction onClick={erase}>{t("confirmDelete")}</AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
