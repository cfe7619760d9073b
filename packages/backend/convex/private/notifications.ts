import type { Doc } from "../_generated/dataModel";
import { operatorQuery } from "../lib/functions";
import { notificationPreferencesOf } from "../lib/notificationPreferences";

/** Enough of the newest conversations to notice what changed since the dashboard last looked. */
const WINDOW = 50;

const summary = (conversation: Doc<"conversations">) => ({
  _id: conversation._id,
  contactName: conversation.contactName,
  status: conversation.status,
  escalatedAt: conversation.escalatedAt ?? null,
  lastMessageAt: conversation.lastMessageAt,
  lastMessage: conversation.lastMessage ?? null,
  unreadByOperator: conversation.unreadByOperator,
});

/**
 * What the dashboard notifies the member about, live: the newest escalated conversations, the
 * newest ones assigned to them, how many of those have unread visitor messages (the tab title's
 * count), and their browser preferences. The browser tells new from seen by comparing snapshots.
 */
export const attention = operatorQuery({
  args: {},
  handler: async (ctx) => {
    const { orgId, userId } = ctx.operator;
    const escalated = await ctx.db
      .query("conversations")
      .withIndex("by_organization_and_status_and_lastMessageAt", (q) =>
        q.eq("organizationId", orgId).eq("status", "escalated"),
      )
      .order("desc")
      .take(WINDOW);
    const assigned = await ctx.db
      .query("conversations")
      .withIndex("by_organization_and_assignee_and_lastMessageAt", (q) =>
        q.eq("organizationId", orgId).eq("assigneeId", userId),
      )
      .order("desc")
      .take(WINDOW);
    const unread = new Set(
      [...escalated, ...assigned]
        .filter((conversation) => conversation.unreadByOperator > 0)
        .map((conversation) => conversation._id),
    );
    const preferences = await notificationPreferencesOf(ctx, orgId, userId);
    return {
      escalated: escalated.map(summary),
      assigned: assigned.filter((c) => c.status !== "resolved").map(summary),
      unread: unread.size,
      preferences: {
        browserOnEscalation: preferences.browserOnEscalation,
        browserOnAssignedMessage: preferences.browserOnAssignedMessage,
        sound: preferences.sound,
      },
    };
  },
});
