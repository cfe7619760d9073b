/// <reference types="vite/client" />
import agentTest from "@convex-dev/agent/test";
import ragTest from "@convex-dev/rag/test";
import rateLimiterTest from "@convex-dev/rate-limiter/test";
import { convexTest } from "convex-test";
import { vi } from "vitest";

import { api, internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { normalizeRole } from "./lib/identity";
import { findMember } from "./lib/members";
import schema from "./schema";

const modules = import.meta.glob(["./**/*.ts", "./**/*.js", "!./**/*.d.ts", "!./**/*.test.ts"]);

export type TestConvex = ReturnType<typeof newTest>;

/** A fresh backend with every component registered, as deployed. */
export function newTest() {
  const t = convexTest(schema, modules);
  agentTest.register(t);
  ragTest.register(t);
  rateLimiterTest.register(t);
  return t;
}

export async function createOrganization(
  t: TestConvex,
  externalId: string,
  name = `Org ${externalId}`,
) {
  await t.run(async (ctx) => {
    await ctx.db.insert("organizations", { externalId, name, slug: externalId, plan: "free" });
  });
}

/**
 * An operator signed in to `orgId`. Their membership is recorded on the first call, as the
 * identity provider's webhook would, unless one is already there (a test may change it).
 */
export function operator(
  t: TestConvex,
  orgId: string,
  role: "owner" | "admin" | "member" | "org:admin" | "org:member" = "admin",
  userId = `user_${orgId}_${role}`,
) {
  const signedIn = t.withIdentity({
    subject: userId,
    name: `Operator ${userId}`,
    org_id: orgId,
    org_role: role,
  });
  let enrolled: Promise<void> | undefined;
  const enrol = () =>
    (enrolled ??= t.run(async (ctx) => {
      if (!(await findMember(ctx, orgId, userId)))
        await ctx.db.insert("members", {
          organizationId: orgId,
          userId,
          role: normalizeRole(role)!,
        });
    }));
  const after = <Call>(call: Call): Call =>
    (async (...args: unknown[]) => {
      await enrol();
      return await (call as (...args: unknown[]) => Promise<unknown>)(...args);
    }) as Call;
  return {
    ...signedIn,
    query: after(signedIn.query),
    mutation: after(signedIn.mutation),
    action: after(signedIn.action),
  };
}

/**
 * A file uploaded as the dashboard does it: the admin's upload URL first (knowledge files' unless
 * `url` says otherwise), then the browser's POST, which stores the file.
 */
export async function uploadFile(
  t: TestConvex,
  admin: ReturnType<typeof operator>,
  body: BlobPart,
  url: typeof api.private.knowledgeFiles.generateUploadUrl = api.private.knowledgeFiles
    .generateUploadUrl,
): Promise<Id<"_storage">> {
  await admin.mutation(url, {});
  return await t.run(async (ctx) => await ctx.storage.store(new Blob([body])));
}

export async function createSession(t: TestConvex, organizationId: string, name = "Vera Visitor") {
  const { contactSessionId } = await t.mutation(internal.system.contactSessions.createWithCountry, {
    organizationId,
    name,
    email: `${name.split(" ")[0].toLowerCase()}@example.com`,
    metadata: { userAgent: "vitest", languages: ["en"], timezone: "UTC", timezoneOffset: 0 },
  });
  return contactSessionId;
}

export async function startConversation(t: TestConvex, organizationId: string) {
  const contactSessionId = await createSession(t, organizationId);
  const conversationId = await t.mutation(api.public.conversations.create, { contactSessionId });
  return { contactSessionId, conversationId };
}

/**
 * Runs every function scheduled for now (agent replies, ingestion) to completion. Time does not
 * jump ahead: a streaming reply's ten-minute timeout must not fire while the reply is streaming.
 */
export async function settle(t: TestConvex) {
  await t.finishAllScheduledFunctions(() => vi.advanceTimersByTime(10));
}

export async function seedKnowledge(t: TestConvex, organizationId: string) {
  await t.mutation(internal.system.seed.seed, { organizationId });
  await settle(t);
}

export async function sendAndSettle(
  t: TestConvex,
  ids: { contactSessionId: Id<"contactSessions">; conversationId: Id<"conversations"> },
  text: string,
) {
  await t.mutation(api.public.messages.send, { ...ids, text });
  await settle(t);
}

/** A conversation's agent thread, read directly (tests use it to forge access too). */
export async function threadOf(t: TestConvex, conversationId: Id<"conversations">) {
  return (await t.run(async (ctx) => await ctx.db.get(conversationId)))!.threadId;
}

export async function messagesOf(
  t: TestConvex,
  ids: { contactSessionId: Id<"contactSessions">; conversationId: Id<"conversations"> },
) {
  const { threadId } = await t.query(api.public.conversations.get, ids);
  const result = await t.query(api.public.messages.list, {
    contactSessionId: ids.contactSessionId,
    threadId,
    paginationOpts: { numItems: 100, cursor: null },
  });
  return result.page;
}

/** Records a membership as the identity provider's webhook would. */
export async function addMember(
  t: TestConvex,
  organizationId: string,
  userId: string,
  role: "owner" | "admin" | "member" = "member",
) {
  await t.run(async (ctx) => {
    await ctx.db.insert("members", { organizationId, userId, role });
  });
}
