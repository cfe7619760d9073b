import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";

import type { Doc } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { operatorMutation, operatorQuery } from "../lib/functions";
import { recordAudit } from "../lib/audit";
import {
  escalateConversation,
  reopenConversation,
  resolveConversation,
  returnToAgent,
} from "../lib/conversationState";
import { fail } from "../lib/errors";
import { findMember } from "../lib/members";
import { scheduleEscalationEmails } from "../lib/email/schedule";
import { requireOrgConversation } from "../lib/operatorConversations";
import { inboxPage, vInboxFilters } from "../lib/triage/inbox";
import { priorityName } from "../lib/triage/validators";
import { vConversationStatus } from "../lib/validators";

/** A conversation as operators see it: the visitor's details, never their session (a credential). */
async function withContact(
  ctx: QueryCtx,
  { contactSessionId, ...conversation }: Doc<"conversations">,
) {
  const session = await ctx.db.get(contactSessionId);
  return {
    ...conversation,
    priority: priorityName(conversation.priority),
    contact: {
      name: conversation.contactName,
      email: conversation.contactEmail,
      country: session?.metadata?.country,
      timezone: session?.metadata?.timezone,
    },
  };
}

/** The inbox: newest activity (or highest priority) first, filtered (lib/triage/inbox.ts). */
export const list = operatorQuery({
  args: { paginationOpts: paginationOptsValidator, ...vInboxFilters },
  handler: async (ctx, { paginationOpts, ...filters }) => {
    const result = await inboxPage(ctx, ctx.operator.orgId, filters, paginationOpts);
    return { ...result, page: await Promise.all(result.page.map((c) => withContact(ctx, c))) };
  },
});

export const get = operatorQuery({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const { operator } = ctx;
    return await withContact(ctx, await requireOrgConversation(ctx, operator, conversationId));
  },
});

/** Operators move conversations between the AI (unresolved), people (escalated) and done. */
export const updateStatus = operatorMutation({
  args: { conversationId: v.id("conversations"), status: vConversationStatus },
  handler: async (ctx, { conversationId, status }) => {
    const { operator } = ctx;
    const conversation = await requireOrgConversation(ctx, operator, conversationId);
    if (conversation.status === status) return;
    if (status === "resolved") {
      if (await resolveConversation(ctx, conversation, "operator"))
        await ctx.db.patch(conversationId, { resolverId: operator.userId });
    } else if (status === "escalated") {
      if (conversation.status === "resolved") await reopenConversation(ctx, conversation);
      // Members who chose escalation emails hear of it as when the agent hands over.
      else if (await escalateConversation(ctx, conversation))
        await scheduleEscalationEmails(ctx, conversationId);
    } else {
      await returnToAgent(ctx, conversation);
    }
    await recordAudit(ctx, operator, "conversation.status", conversationId, { status });
  },
});

export const assign = operatorMutation({
  args: { conversationId: v.id("conversations"), assigneeId: v.union(v.string(), v.null()) },
  handler: async (ctx, { conversationId, assigneeId }) => {
    const { operator } = ctx;
    await requireOrgConversation(ctx, operator, conversationId);
    // Anyone may take a conversation; giving it to someone else needs them to be a member.
    if (
      assigneeId !== null &&
      assigneeId !== operator.userId &&
      !(await findMember(ctx, operator.orgId, assigneeId))
    ) {
      fail("NOT_FOUND", "That person is not a member of this organization");
    }
    await ctx.db.patch(conversationId, { assigneeId: assigneeId ?? undefined });
    await recordAudit(ctx, operator, "conversation.assign", conversationId, {
      assigneeId: assigneeId ?? "",
    });
  },
});

export const markRead = operatorMutation({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const { operator } = ctx;
    const conversation = await requireOrgConversation(ctx, operator, conversationId);
    if (conversation.unreadByOperator > 0)
      await ctx.db.patch(conversationId, { unreadByOperator: 0 });
  },
});
