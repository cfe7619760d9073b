"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { Button } from "@echo/ui/components/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogTitle,
  DialogTrigger,
} from "@echo/ui/components/dialog";
import { useMutation } from "convex/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { useRouter } from "@/i18n/navigation";

import { toFormValues } from "../../lib/contact-form-values";
import { ContactForm } from "./contact-form";

export function NewContactDialog() {
  const t = useTranslations("contacts");
  const create = useMutation(api.private.contacts.create);
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>{t("new")}</Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")} className="max-h-[90vh] overflow-y-auto">
        <DialogTitle>{t("newTitle")}</DialogTitle>
        <DialogDescription>{t("newDescription")}</DialogDescription>
        <ContactForm
          initial={toFormValues()}
          submitLabel={t("form.create")}
          onSubmit={async (input) => {
            const contactId = await create(input);
            setOpen(false);
            router.push(`/contacts/${contactId}`);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
