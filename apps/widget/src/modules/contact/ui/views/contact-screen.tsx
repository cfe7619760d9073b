"use client";

import { Button } from "@echo/ui/components/button";
import { Copy, Phone } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** The organization's phone number, to dial or copy. */
export function ContactScreen({ phoneNumber }: { phoneNumber: string }) {
  const t = useTranslations("contact");
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  const copyNumber = async () => {
    try {
      await navigator.clipboard.writeText(phoneNumber);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  };

  return (
    <section aria-label={t("title")} className="flex flex-col gap-4 p-4">
      <p className="text-sm">{t("description")}</p>
      <p className="select-all text-2xl font-semibold tabular-nums">{phoneNumber}</p>
      <div className="flex gap-2">
        <Button asChild>
          <a
            href={`tel:${phoneNumber.replace(/[^\d+]/g, "")}`}
            aria-label={t("call", { number: phoneNumber })}
          >
            <Phone aria-hidden />
            {t("call", { number: phoneNumber })}
          </a>
        </Button>
        <Button variant="outline" size="icon" aria-label={t("copy")} onClick={copyNumber}>
          <Copy aria-hidden />
        </Button>
      </div>
      <p role="status" className="text-sm">
        {copy === "copied" ? t("copied") : copy === "failed" ? t("copyFailed") : null}
      </p>
    </section>
  );
}
