import type { CaughtMail } from "./mailSink.ts";

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The sink's page: a developer tool for local mode, so it is English only. */
export function renderInbox(messages: CaughtMail[]): string {
  const rows = messages
    .map(
      (mail) => `<details class="mail">
  <summary><strong>${escape(mail.subject || "(no subject)")}</strong>
    <span>to ${escape(mail.to.join(", "))}</span>
    <time datetime="${escape(mail.receivedAt)}">${escape(mail.receivedAt.replace("T", " ").slice(0, 19))} UTC</time></summary>
  <p class="meta">From ${escape(mail.from)}</p>
  <pre>${escape(mail.text)}</pre>
  ${mail.html ? `<iframe title="HTML version" sandbox src="/messages/${escape(mail.id)}.html"></iframe>` : ""}
</details>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="10">
<title>Echo mail sink (${messages.length})</title>
<style>
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:880px;padding:16px;color:#18181b}
h1{font-size:20px} .empty{color:#71717a}
.mail{border:1px solid #e4e4e7;border-radius:8px;margin:8px 0;padding:8px 12px}
summary{cursor:pointer;display:flex;flex-wrap:wrap;gap:4px 12px;align-items:baseline}
summary span,summary time,.meta{color:#71717a;font-size:13px}
pre{white-space:pre-wrap;font:13px/1.5 ui-monospace,monospace;background:#fafafa;padding:8px;border-radius:6px}
iframe{width:100%;height:360px;border:1px solid #e4e4e7;border-radius:6px}
</style></head>
<body><h1>Mail caught by Echo's local SMTP sink</h1>
<p class="meta">Local mode sends every email here instead of delivering it. This page refreshes every 10 seconds.</p>
${rows || '<p class="empty">No mail yet.</p>'}
</body></html>`;
}
