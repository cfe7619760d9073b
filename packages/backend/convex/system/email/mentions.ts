import { v } from "convex/values";

import { internalMutation } from "../../_generated/server";
import { queueEmail } from "../../lib/email/outbox";
import { mentionEmail } from "../../lib/email/templates";
import { mentionEmailRecipients } from "../../lib/notes/mentions";

const dashboardUrl = () => (process.env.ECHO_WEB_URL ?? "http://localhost:3000").replace(/\/$/, "");

/**
 * Members named in a note who opted in to mentions by email get the note, in their language;
 * `userIds` are those to tell (after an edit, only the members it names for the first time).
 */
export const notify = internalMutation({
  args: { noteId: v.id("conversationNotes"), userIds: v.array(v.string()) },
  handler: async (ctx, { noteId, userIds }) => {
    const note = await ctx.db.get(noteId);
    if (!note) return;
    const conversation = await ctx.db.get(note.conversationId);
    if (!conversation) return;
    const others = userIds.filter(
      (userId) => userId !== note.authorId && note.mentions.includes(userId),
    );
    for (const recipient of await mentionEmailRecipients(ctx, note.organizationId, others)) {
      const language = recipient.language ?? "en";
      const content = mentionEmail({
        language,
        author: note.authorName,
        contact: conversation.contactName,
        note: note.text,
        conversationUrl: `${dashboardUrl()}/${language}/conversations/${conversation._id}`,
      });
      await queueEmail(ctx, {
        ...content,
        organizationId: note.organizationId,
        kind: "mention",
        to: recipient.email,
        conversationId: conversation._id,
      });
    }
  },
});
