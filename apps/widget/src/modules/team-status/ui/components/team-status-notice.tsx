"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { approximateDuration } from "@echo/backend/convex/lib/answers/teamAvailability";
import { officeStatus } from "@echo/backend/convex/lib/officeHours/schedule";
import { useQuery } from "convex/react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";

const MINUTE_MS = 60_000;

/** The current time, refreshed each minute so "away" turns into "in" without a reload. */
function useMinuteClock() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * Under the header: outside office hours, that the team is away and when it is back (in the
 * visitor's language and time zone); inside, how fast it typically replies.
 */
export function TeamStatusNotice({ organizationId }: { organizationId: string }) {
  const t = useTranslations("teamStatus");
  const format = useFormatter();
  const locale = useLocale();
  const team = useQuery(api.public.officeHours.get, { organizationId });
  const now = useMinuteClock();
  if (!team) return null;
  const status = officeStatus(team.hours, now);
  if (!status.open) {
    return (
      <p
        role="status"
        data-testid="away-notice"
        className="border-b bg-muted px-3 py-2 text-xs text-muted-foreground"
      >
        {status.nextOpenAt === null
          ? t("away")
          : t("awayUntil", {
              when: format.dateTime(status.nextOpenAt, {
                weekday: "long",
                hour: "numeric",
                minute: "2-digit",
              }),
            })}
      </p>
    );
  }
  if (team.typicalReplyMs === null) return null;
  return (
    <p data-testid="typical-reply" className="border-b px-3 py-1.5 text-xs text-muted-foreground">
      {t("typicalReply", {
        duration: approximateDuration(team.typicalReplyMs, locale === "pt-BR" ? "pt-BR" : "en"),
      })}
    </p>
  );
}
