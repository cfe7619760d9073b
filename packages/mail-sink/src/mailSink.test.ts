import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import nodemailer from "nodemailer";
import { afterEach, expect, test } from "vitest";

import { startMailSink, type MailSink } from "./mailSink.ts";

const sinks: MailSink[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(sinks.splice(0).map((sink) => sink.close()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function sink(file?: string) {
  const started = await startMailSink({ smtpPort: 0, httpPort: 0, file });
  sinks.push(started);
  return started;
}

async function send(smtpUrl: string, subject: string) {
  const transport = nodemailer.createTransport(smtpUrl);
  await transport.sendMail({
    from: "Echo <no-reply@echo.local>",
    to: "ana@example.com",
    subject,
    text: "Plain <body>",
    html: "<p>HTML body</p><script>alert(1)</script>",
  });
  transport.close();
}

test("catches what nodemailer sends and lists it, newest first, as JSON and on the page", async () => {
  const mail = await sink();
  await send(mail.smtpUrl, "First");
  await send(mail.smtpUrl, "Ana & <the> second");

  const listed = (await (await fetch(`${mail.webUrl}/messages.json`)).json()) as {
    subject: string;
    to: string[];
    text: string;
    id: string;
  }[];
  expect(listed.map((m) => m.subject)).toEqual(["Ana & <the> second", "First"]);
  expect(listed[0]).toMatchObject({ to: ["ana@example.com"], text: "Plain <body>" });

  const page = await (await fetch(mail.webUrl)).text();
  expect(page).toContain("Ana &#38; &#60;the&#62; second");
  expect(page).not.toContain("<the>");

  const html = await fetch(`${mail.webUrl}/messages/${listed[0]!.id}.html`);
  expect(html.headers.get("content-security-policy")).toMatch(/^sandbox/);
  expect(await html.text()).toContain("<p>HTML body</p>");
});

test("keeps caught mail in its file across restarts", async () => {
  const folder = mkdtempSync(join(tmpdir(), "mail-sink-"));
  folders.push(folder);
  const file = join(folder, "mail.jsonl");
  const first = await sink(file);
  await send(first.smtpUrl, "Kept");
  await first.close();
  sinks.splice(sinks.indexOf(first), 1);

  const second = await sink(file);
  expect(second.messages().map((m) => m.subject)).toEqual(["Kept"]);
});
