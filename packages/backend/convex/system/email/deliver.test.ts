// @vitest-environment node
import { startMailSink, type MailSink } from "@echo/mail-sink";
import { afterEach, expect, test, vi } from "vitest";

import { internal } from "../../_generated/api";

import type { Id } from "../../_generated/dataModel";
import { queueEmail, RETRY_DELAYS_MS } from "../../lib/email/outbox";
import { escalationEmail } from "../../lib/email/templates";
import { newTest, type TestConvex } from "../../test.harness";

let sink: MailSink | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await sink?.close();
  sink = undefined;
});

const content = escalationEmail({
  organization: "Acme",
  contact: "Vera",
  email: "vera@example.com",
  lastMessage: "A person, please",
  conversationUrl: "http://desk.example/en/conversations/1",
});

/** A queued email, as queueEmail leaves it; the test runs the delivery itself. */
async function queued(t: TestConvex, attempts = 0) {
  return await t.run(
    async (ctx) =>
      await ctx.db.insert("outboundEmails", {
        ...content,
        organizationId: "org_a",
        kind: "escalation",
        to: "ana@acme.example",
        status: "queued",
        attempts,
      }),
  );
}

const deliver = (t: TestConvex, emailId: Id<"outboundEmails">) =>
  t.action(internal.system.email.deliver.deliver, { emailId });
const row = (t: TestConvex, emailId: Id<"outboundEmails">) =>
  t.run(async (ctx) => await ctx.db.get(emailId));
const retries = (t: TestConvex) =>
  t.run(async (ctx) => await ctx.db.system.query("_scheduled_functions").collect());

test("queueing schedules the delivery at once, outside the mutation", async () => {
  const t = newTest();
  const emailId = await t.run(
    async (ctx) =>
      await queueEmail(ctx, {
        ...content,
        organizationId: "org_a",
        kind: "escalation",
        to: "a@b.c",
      }),
  );
  const [scheduled] = await retries(t);
  expect(scheduled).toMatchObject({ name: "system/email/deliver:deliver", args: [{ emailId }] });
  await t.finishAllScheduledFunctions(() => {});
  expect(await row(t, emailId)).toMatchObject({ status: "notConfigured" });
});

test("a queued email is delivered over SMTP_URL from SMTP_FROM, text and HTML", async () => {
  sink = await startMailSink({ smtpPort: 0, httpPort: 0 });
  vi.stubEnv("SMTP_URL", sink.smtpUrl);
  vi.stubEnv("SMTP_FROM", "Acme support <support@acme.example>");
  const t = newTest();
  const emailId = await queued(t);
  await deliver(t, emailId);

  const [mail] = sink.messages();
  expect(mail).toMatchObject({
    to: ["ana@acme.example"],
    subject: "Vera is waiting for a person",
    from: '"Acme support" <support@acme.example>',
  });
  expect(mail!.text).toContain("> A person, please");
  expect(mail!.html).toContain('href="http://desk.example/en/conversations/1"');
  expect(await row(t, emailId)).toMatchObject({ status: "sent", attempts: 1 });
  // Delivered once: a second run of the same delivery sends nothing.
  await deliver(t, emailId);
  expect(sink.messages()).toHaveLength(1);
});

test("a failed delivery is scheduled again and succeeds once the server answers", async () => {
  sink = await startMailSink({ smtpPort: 0, httpPort: 0 });
  const { port } = new URL(sink.smtpUrl);
  await sink.close();
  vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${port}`);
  const t = newTest();
  const emailId = await queued(t);
  const before = Date.now();
  await deliver(t, emailId);
  const failed = await row(t, emailId);
  expect(failed).toMatchObject({ status: "queued", attempts: 1 });
  expect(failed!.lastError).toMatch(/ECONNREFUSED/);
  const [retry] = await retries(t);
  expect(retry!.args).toEqual([{ emailId }]);
  expect(retry!.scheduledTime).toBeGreaterThanOrEqual(before + RETRY_DELAYS_MS[0]!);

  sink = await startMailSink({ smtpPort: Number(port), httpPort: 0 });
  await deliver(t, emailId);
  expect(await row(t, emailId)).toMatchObject({ status: "sent", attempts: 2 });
  expect(sink.messages()).toHaveLength(1);
});

test("after the last retry the email stays failed with its error, and nothing more is scheduled", async () => {
  vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:9");
  const t = newTest();
  const emailId = await queued(t, RETRY_DELAYS_MS.length);
  await deliver(t, emailId);
  expect(await row(t, emailId)).toMatchObject({
    status: "failed",
    attempts: RETRY_DELAYS_MS.length + 1,
  });
  expect(await retries(t)).toEqual([]);
});

test("without SMTP_URL the email is kept as not configured", async () => {
  const t = newTest();
  const emailId = await queued(t);
  await deliver(t, emailId);
  expect(await row(t, emailId)).toMatchObject({ status: "notConfigured", attempts: 0 });
});
