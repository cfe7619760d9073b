"use client";

import { AlertCircleIcon, CheckCheckIcon, CheckIcon, ClockIcon } from "lucide-react";
import { useTranslations } from "next-intl";

export type Delivery = {
  status: "queued" | "sent" | "delivered" | "read" | "failed";
  error?: string;
};

const ICONS = {
  queued: ClockIcon,
  sent: CheckIcon,
  delivered: CheckCheckIcon,
  read: CheckCheckIcon,
  failed: AlertCircleIcon,
};

/** Under an answer sent to WhatsApp: queued, sent, delivered, read, or not delivered and why. */
export function DeliveryStatus({ delivery }: { delivery: Delivery }) {
  const t = useTranslations("whatsapp");
  const Icon = ICONS[delivery.status];
  const label = t(`delivery.${delivery.status}`);
  return (
    <p
      className={
        delivery.status === "failed"
          ? "flex items-center gap-1 self-end text-xs text-destructive"
          : "flex items-center gap-1 self-end text-xs text-muted-foreground"
      }
      data-testid="delivery-status"
      data-status={delivery.status}
    >
      <Icon
        aria-hidden
        className={delivery.status === "read" ? "size-3.5 text-sky-600" : "size-3.5"}
      />
      <span className="sr-only">{t("deliveryLabel", { status: label })}</span>
      <span aria-hidden>{label}</span>
      {delivery.error ? <span>· {delivery.error}</span> : null}
    </p>
  );
}
