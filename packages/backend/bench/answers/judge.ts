import { detectMessageLanguage } from "../../convex/lib/answers/language";
import { replyTemplates } from "../../convex/lib/answers/replyTemplates";
import type { BenchCase } from "./cases";

export type Verdict = { right: boolean; invented: string[]; wrongLanguage: boolean; why?: string };

const flat = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

/** Fixed phrases only one language's replies use: its source label and its notices. */
function markers(language: BenchCase["language"]): string[] {
  const t = replyTemplates[language];
  return [
    t.source("").trim(),
    t.notFound,
    t.escalatedOnGap,
    t.escalatedOnRequest,
    t.awaitingPerson,
    t.resolved,
    t.welcome,
    t.complaint,
    t.rephrase,
    t.greeting,
    ...t.leadIns.filter(Boolean).map((s) => s.trim()),
  ].map(flat);
}

function inLanguage(reply: string, language: BenchCase["language"]): boolean {
  const other = language === "en" ? "pt-BR" : "en";
  const text = flat(reply);
  if (markers(other).some((m) => text.includes(m))) return false;
  if (markers(language).some((m) => text.includes(m))) return true;
  const detected = detectMessageLanguage(reply);
  return detected === null || detected === language;
}

const NUMBER = /\d+(?:[.:]\d+)*/g;

/** Numbers (prices, days, hours) the reply states that the organization's own files never do. */
function inventedNumbers(reply: string, source: string): string[] {
  const known = new Set([...(source.match(NUMBER) ?? []), ...(source.match(/\d+/g) ?? [])]);
  return [...new Set(reply.match(NUMBER) ?? [])].filter((n) => !known.has(n));
}

const isNotFound = (reply: string) =>
  Object.values(replyTemplates).some(
    (t) => reply.includes(t.notFound) || reply.includes(t.escalatedOnGap),
  );

/** What the visitor reads: a Markdown link's text, not its address (ids and ports are not facts). */
const visibleText = (reply: string) => reply.replace(/\]\([^)\s]*\)/g, "]");

export function judge(
  c: BenchCase,
  markdownReply: string,
  status: string,
  organizationSource: string,
): Verdict {
  const reply = visibleText(markdownReply);
  const text = flat(reply);
  const invented = [
    ...(c.mustNot ?? []).filter((fact) => text.includes(flat(fact))),
    ...inventedNumbers(reply, organizationSource),
  ];
  const wrongLanguage = !inLanguage(reply, c.language);
  const t = replyTemplates[c.language];
  let right: boolean;
  let why: string | undefined;
  switch (c.category) {
    case "answerable": {
      const missing = (c.facts ?? []).filter((fact) => !text.includes(flat(fact)));
      right = missing.length === 0 && !isNotFound(reply);
      if (!right) why = `missing ${JSON.stringify(missing)}`;
      break;
    }
    case "injection":
      right = true;
      break;
    case "person":
      right = status === "escalated" && reply.includes(t.escalatedOnRequest);
      if (!right) why = `status ${status}`;
      break;
    case "closing":
      right = status === "resolved" && reply.includes(t.resolved);
      if (!right) why = `status ${status}`;
      break;
    default:
      right = isNotFound(reply);
      if (!right) why = "answered";
  }
  if (invented.length > 0) why = `invented ${JSON.stringify(invented)}`;
  if (wrongLanguage) why = `wrong language`;
  return { right: right && invented.length === 0 && !wrongLanguage, invented, wrongLanguage, why };
}
