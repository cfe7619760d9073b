import { emailCopy, type EmailCopyKey, type Language } from "./copy";

export type EmailContent = { subject: string; text: string; html: string };
export type TranscriptLine = {
  author: "contact" | "agent" | "operator";
  name?: string;
  text: string;
};

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function copy(language: Language | undefined) {
  const table = emailCopy[language === "pt-BR" ? "pt-BR" : "en"];
  return (key: EmailCopyKey, values: Record<string, string> = {}) =>
    table[key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** One plain-text body and the same content as simple, inline-styled HTML. */
type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "quote"; text: string }
  | { kind: "line"; who: string; text: string }
  | { kind: "link"; label: string; href: string }
  | { kind: "footer"; text: string };

function render(subject: string, blocks: Block[]): EmailContent {
  const text = blocks
    .map((block) => {
      switch (block.kind) {
        case "quote":
          return block.text
            .split("\n")
            .map((line) => `> ${line}`)
            .join("\n");
        case "line":
          return `${block.who}: ${block.text}`;
        case "link":
          return `${block.label}: ${block.href}`;
        case "footer":
          return `--\n${block.text}`;
        default:
          return block.text;
      }
    })
    .join("\n\n");
  const body = blocks
    .map((block) => {
      switch (block.kind) {
        case "quote":
          return `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #d4d4d8;color:#3f3f46;white-space:pre-wrap">${escapeHtml(block.text)}</blockquote>`;
        case "line":
          return `<p style="margin:0 0 8px;white-space:pre-wrap"><strong>${escapeHtml(block.who)}:</strong> ${escapeHtml(block.text)}</p>`;
        case "link":
          return `<p style="margin:16px 0"><a href="${escapeHtml(block.href)}" style="color:#2563eb">${escapeHtml(block.label)}</a></p>`;
        case "footer":
          return `<p style="margin:24px 0 0;color:#71717a;font-size:12px">${escapeHtml(block.text)}</p>`;
        default:
          return `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
      }
    })
    .join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;font-size:14px;line-height:1.5;color:#18181b;max-width:560px">\n${body}\n</body></html>`;
  return { subject, text, html };
}

export function escalationEmail(args: {
  language?: Language;
  organization: string;
  contact: string;
  email: string;
  lastMessage?: string;
  conversationUrl: string;
}): EmailContent {
  const t = copy(args.language);
  const values = { contact: args.contact, email: args.email, organization: args.organization };
  return render(t("escalationSubject", values), [
    { kind: "paragraph", text: t("escalationIntro", values) },
    ...(args.lastMessage
      ? ([
          { kind: "paragraph", text: t("escalationLast") },
          { kind: "quote", text: args.lastMessage },
        ] as Block[])
      : []),
    { kind: "link", label: t("escalationAction"), href: args.conversationUrl },
    { kind: "footer", text: t("preferencesFooter") },
  ]);
}

export function transcriptEmail(args: {
  language?: Language;
  organization: string;
  contact: string;
  lines: TranscriptLine[];
}): EmailContent {
  const t = copy(args.language);
  const values = { contact: args.contact, organization: args.organization };
  return render(t("transcriptSubject", values), [
    { kind: "paragraph", text: t("transcriptIntro", values) },
    ...args.lines.map(
      (line): Block => ({
        kind: "line",
        who: line.author === "contact" ? t("you") : (line.name ?? t("assistant")),
        text: line.text,
      }),
    ),
    { kind: "footer", text: t("footer", values) },
  ]);
}

export function operatorReplyEmail(args: {
  language?: Language;
  organization: string;
  contact: string;
  operator: string;
  replies: string[];
  conversationUrl: string;
}): EmailContent {
  const t = copy(args.language);
  const values = {
    contact: args.contact,
    operator: args.operator,
    organization: args.organization,
  };
  return render(t("operatorReplySubject", values), [
    { kind: "paragraph", text: t("operatorReplyIntro", values) },
    ...args.replies.map((reply): Block => ({ kind: "quote", text: reply })),
    { kind: "link", label: t("operatorReplyAction"), href: args.conversationUrl },
    { kind: "footer", text: t("footer", values) },
  ]);
}

export function mentionEmail(args: {
  language?: Language;
  author: string;
  contact: string;
  note: string;
  conversationUrl: string;
}): EmailContent {
  const t = copy(args.language);
  const values = { author: args.author, contact: args.contact };
  return render(t("mentionSubject", values), [
    { kind: "paragraph", text: t("mentionIntro", values) },
    { kind: "quote", text: args.note },
    { kind: "link", label: t("escalationAction"), href: args.conversationUrl },
    { kind: "footer", text: t("preferencesFooter") },
  ]);
}
