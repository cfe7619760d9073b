import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import { fail } from "../errors";
import { findMember, findUser } from "../members";
import { findNotificationPreferences } from "../notificationPreferences";
import type { Language } from "../email/copy";

/** A note names at most this many members; the picker offers one member per @. */
export const MAX_MENTIONS = 20;

/** The mentioned user ids, once each, every one a member of the organization. */
export async function requireMembers(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
  userIds: string[],
): Promise<string[]> {
  const unique = [...new Set(userIds)];
  if (unique.length > MAX_MENTIONS) fail("INVALID_INPUT", "A note mentions too many members");
  for (const userId of unique) {
    if (!(await findMember(ctx, organizationId, userId)))
      fail("INVALID_INPUT", "Only members of the organization can be mentioned");
  }
  return unique;
}

/** Records who was mentioned, so each member's notifications read their own by index. */
export async function recordMentions(
  ctx: Pick<MutationCtx, "db">,
  note: {
    organizationId: string;
    noteId: Id<"conversationNotes">;
    conversationId: Id<"conversations">;
    authorId: string;
    mentions: string[];
  },
) {
  for (const userId of note.mentions) {
    // Naming oneself is a reminder in the note, not a notification.
    if (userId === note.authorId) continue;
    await ctx.db.insert("noteMentions", {
      organizationId: note.organizationId,
      userId,
      noteId: note.noteId,
      conversationId: note.conversationId,
    });
  }
}

/**
 * After an edit, the note's mention rows follow its new mentions: members no longer named lose
 * theirs, and only members named for the first time get one. Returns those newly mentioned.
 */
export async function updateMentions(
  ctx: Pick<MutationCtx, "db">,
  note: Doc<"conversationNotes">,
  mentions: string[],
): Promise<string[]> {
  const rows = await ctx.db
    .query("noteMentions")
    .withIndex("by_note", (q) => q.eq("noteId", note._id))
    .collect();
  for (const row of rows) if (!mentions.includes(row.userId)) await ctx.db.delete(row._id);
  const added = mentions.filter((userId) => !note.mentions.includes(userId));
  await recordMentions(ctx, {
    organizationId: note.organizationId,
    noteId: note._id,
    conversationId: note.conversationId,
    authorId: note.authorId,
    mentions: added,
  });
  return added.filter((userId) => userId !== note.authorId);
}

/** A deleted note takes its mentions out of every member's notifications. */
export async function removeMentions(
  ctx: Pick<MutationCtx, "db">,
  noteId: Id<"conversationNotes">,
) {
  const rows = await ctx.db
    .query("noteMentions")
    .withIndex("by_note", (q) => q.eq("noteId", noteId))
    .collect();
  for (const row of rows) await ctx.db.delete(row._id);
}

/** Mentioned members who asked for mentions by email, with their address and language. */
export async function mentionEmailRecipients(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
  userIds: string[],
) {
  const recipients: { email: string; language?: Language }[] = [];
  for (const userId of userIds) {
    const preferences = await findNotificationPreferences(ctx, organizationId, userId);
    if (!preferences?.emailOnMention) continue;
    if (!(await findMember(ctx, organizationId, userId))) continue;
    const user = await findUser(ctx, userId);
    if (user?.email) recipients.push({ email: user.email, language: preferences.language });
  }
  return recipients;
}
