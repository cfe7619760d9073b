"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";

import { RelativeTime } from "@/modules/conversations/ui/components/relative-time";

/** Whether the widget has been seen on the organization's site: each site, when, how often. */
export function WidgetSightings() {
  const t = useTranslations("widgetSightings");
  const sites = useQuery(api.private.widgetSightings.list);

  return (
    <section className="grid gap-2" aria-labelledby="widget-sightings-title">
      <h2 id="widget-sightings-title" className="text-base font-semibold">
        {t("title")}
      </h2>
      {sites === undefined ? (
        <div className="h-16 animate-pulse rounded-md bg-muted" />
      ) : sites.length === 0 ? (
        <p className="rounded-md border border-dashed p-4 text-sm text-muted-foreground">
          {t("never")}
        </p>
      ) : (
        <ul className="grid gap-2" data-testid="widget-sightings">
          {sites.map((site) => (
            <li
              key={site.site}
              className="flex flex-wrap items-baseline justify-between gap-2 rounded-md border p-3 text-sm"
            >
              <span className="font-medium break-all">{site.site}</span>
              <span className="text-muted-foreground">
                {t("lastSeen")} <RelativeTime at={site.lastSeenAt} />
                {" · "}
                {t("sessions", { count: site.sessions })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
