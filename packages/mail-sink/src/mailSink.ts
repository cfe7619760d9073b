import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";

import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

import { renderInbox } from "./inboxPage.ts";

export type CaughtMail = {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
};

export type MailSink = {
  /** What the backend's SMTP_URL should be. */
  smtpUrl: string;
  /** The page listing the caught mail. */
  webUrl: string;
  messages: () => CaughtMail[];
  close: () => Promise<void>;
};

/** The page keeps the newest mail; the file keeps everything until the data folder is removed. */
const KEPT_IN_MEMORY = 500;

function load(file: string | undefined): CaughtMail[] {
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as CaughtMail];
      } catch {
        return [];
      }
    })
    .slice(-KEPT_IN_MEMORY);
}

function listen(
  server: { listen: (port: number, host: string, cb: () => void) => unknown },
  port: number,
  host: string,
) {
  return new Promise<void>((resolve) => server.listen(port, host, resolve));
}

/**
 * An SMTP server that accepts any message (no TLS, any or no credentials) and an HTTP server
 * that lists what it caught: `/` (HTML), `/messages.json`, `/messages/<id>.html` (the mail's own
 * HTML, sandboxed). Mail is appended to `file` (JSON lines) when given, so it survives restarts.
 */
export async function startMailSink(options: {
  smtpPort: number;
  httpPort: number;
  host?: string;
  file?: string;
}): Promise<MailSink> {
  const host = options.host ?? "127.0.0.1";
  const caught = load(options.file);
  if (options.file) mkdirSync(dirname(options.file), { recursive: true });
  let sequence = caught.length;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    banner: "Echo local mail sink",
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: "local" }),
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((parsed) => {
          const mail: CaughtMail = {
            id: `${Date.now().toString(36)}-${(++sequence).toString(36)}`,
            receivedAt: new Date().toISOString(),
            from: parsed.from?.text ?? String(session.envelope.mailFrom || ""),
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : null,
          };
          caught.push(mail);
          if (caught.length > KEPT_IN_MEMORY) caught.shift();
          if (options.file) appendFileSync(options.file, `${JSON.stringify(mail)}\n`);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  const respond = (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? "/", "http://sink").pathname;
    const newestFirst = [...caught].reverse();
    if (path === "/messages.json") {
      response.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      response.end(JSON.stringify(newestFirst));
      return;
    }
    const htmlOf = path.match(/^\/messages\/([\w-]+)\.html$/);
    if (htmlOf) {
      const mail = caught.find((candidate) => candidate.id === htmlOf[1]);
      if (!mail?.html) {
        response.writeHead(404).end();
        return;
      }
      // The mail's HTML is shown as sent, but may not run scripts or reach this page.
      response.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy":
          "sandbox; default-src 'none'; img-src data: http: https:; style-src 'unsafe-inline'",
      });
      response.end(mail.html);
      return;
    }
    if (path === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(renderInbox(newestFirst));
      return;
    }
    response.writeHead(404).end();
  };
  const web = createServer(respond);

  await Promise.all([listen(smtp, options.smtpPort, host), listen(web, options.httpPort, host)]);
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const httpPort = (web.address() as AddressInfo).port;
  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    webUrl: `http://localhost:${httpPort}`,
    messages: () => [...caught].reverse(),
    close: async () => {
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => web.close(() => resolve())),
      ]);
    },
  };
}
