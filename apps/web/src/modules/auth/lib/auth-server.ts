import "server-only";

import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

import { createEchoAuth, type Notice } from "./create-auth";
import { emailVerificationRequired } from "./email-verification";
import { identityWebhookSender } from "./identity-webhook";

function dataDirectory() {
  const dir = resolve(/*turbopackIgnore: true*/ process.env.ECHO_DATA_DIR ?? ".echo-data");
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** BETTER_AUTH_SECRET when set; otherwise a secret generated once and kept in the data folder. */
function authSecret(dir: string) {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = join(dir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

function logNotice(notice: Notice) {
  console.info(`[identity] ${notice.kind} link for ${notice.to}: ${notice.url}`);
}

/** Identity changes reach the backend's identity webhook when its URL and secret are set. */
function identityWebhook() {
  const url = process.env.ECHO_IDENTITY_WEBHOOK_URL;
  const secret = process.env.IDENTITY_WEBHOOK_SECRET;
  return url && secret ? identityWebhookSender({ url, secret }) : undefined;
}

const globalForAuth = globalThis as unknown as {
  echoAuth?: ReturnType<typeof createEchoAuth>;
};

/** The process-wide identity provider, created on first use with its tables migrated. */
export async function getIdentity() {
  if (!globalForAuth.echoAuth) {
    const dir = dataDirectory();
    const identity = createEchoAuth({
      databasePath: join(dir, "auth.sqlite"),
      baseURL: process.env.ECHO_WEB_URL ?? "http://localhost:3000",
      secret: authSecret(dir),
      notify: logNotice,
      onIdentityEvent: identityWebhook(),
      requireEmailVerification: emailVerificationRequired(),
      clientIpHeader: process.env.ECHO_CLIENT_IP_HEADER?.trim() || undefined,
    });
    globalForAuth.echoAuth = identity;
    // Once per process: the backend catches up on anything it missed while this was down.
    void identity
      .migrate()
      .then(() => identity.resync())
      .catch((error: unknown) => console.error("[identity] resync failed:", error));
  }
  await globalForAuth.echoAuth.migrate();
  return globalForAuth.echoAuth.auth;
}
