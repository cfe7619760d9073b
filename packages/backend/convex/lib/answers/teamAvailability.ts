import type { ReplyLanguage } from "./language";

/** Whether people are in now, when they are next, and how fast they have recently answered. */
export type TeamAvailability = {
  open: boolean;
  nextOpenAt: number | null;
  timeZone: string | null;
  typicalReplyMs: number | null;
};

const LOCALES: Record<ReplyLanguage, string> = { en: "en-US", "pt-BR": "pt-BR" };
const MINUTE_MS = 60_000;

/** "about 10 minutes", "about 2 hours", in the reply's language. */
export function approximateDuration(ms: number, language: ReplyLanguage): string {
  const minutes = Math.max(1, Math.round(ms / MINUTE_MS));
  const [value, unit] =
    minutes < 90
      ? [minutes, "minute"]
      : minutes < 36 * 60
        ? [Math.round(minutes / 60), "hour"]
        : [Math.round(minutes / 1440), "day"];
  return new Intl.NumberFormat(LOCALES[language], {
    style: "unit",
    unit,
    unitDisplay: "long",
  }).format(value);
}

/**
 * One sentence to follow an escalation's acknowledgement: when the team is back if it is away,
 * otherwise how fast it typically replies; "" when there is nothing worth saying.
 */
export function availabilityNote(language: ReplyLanguage, team: TeamAvailability): string {
  if (!team.open) {
    if (team.nextOpenAt === null) {
      return language === "pt-BR"
        ? "Nossa equipe está fora no momento."
        : "Our team is away at the moment.";
    }
    const when = new Intl.DateTimeFormat(LOCALES[language], {
      weekday: "long",
      hour: "numeric",
      minute: "2-digit",
      timeZone: team.timeZone ?? "UTC",
      timeZoneName: "short",
    }).format(team.nextOpenAt);
    return language === "pt-BR"
      ? `Nossa equipe está fora agora e volta ${when}.`
      : `Our team is away right now and back ${when}.`;
  }
  if (team.typicalReplyMs === null) return "";
  const duration = approximateDuration(team.typicalReplyMs, language);
  return language === "pt-BR"
    ? `A equipe costuma responder em cerca de ${duration}.`
    : `The team typically replies in about ${duration}.`;
}

/** An acknowledgement followed by the availability note, if any. */
export function withAvailability(
  text: string,
  language: ReplyLanguage,
  team: TeamAvailability | undefined,
): string {
  const note = team ? availabilityNote(language, team) : "";
  return note ? `${text} ${note}` : text;
}
