import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import {
  createOrganization,
  newTest,
  operator,
  sendAndSettle,
  settle,
  startConversation,
} from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test("an operator's escalation emails the members who chose escalation emails, as the agent's does", async () => {
  const t = newTest();
  await createOrganization(t, "org_a", "Acme");
  await t.run(async (ctx) => {
    await ctx.db.insert("users", {
      externalId: "user_ana",
      name: "Ana",
      email: "ana@acme.example",
    });
  });
  const ana = operator(t, "org_a", "member", "user_ana");
  await ana.mutation(api.private.notificationPreferences.update, { emailOnEscalation: true });
  const admin = operator(t, "org_a", "admin");
  const ids = await startConversation(t, "org_a");
  await sendAndSettle(t, ids, "Where is my parcel?");

  await admin.mutation(api.private.conversations.updateStatus, {
    conversationId: ids.conversationId,
    status: "escalated",
  });
  await settle(t);

  const emails = await t.run(async (ctx) => await ctx.db.query("outboundEmails").collect());
  expect(emails.map(({ kind, to, subject }) => ({ kind, to, subject }))).toEqual([
    { kind: "escalation", to: "ana@acme.example", subject: "Vera Visitor is waiting for a person" },
  ]);
  expect(emails[0]!.text).toContain("> Where is my parcel?");
});
