import { v } from "convex/values";

import { internalMutation } from "../../_generated/server";
import { queueEmail } from "../../lib/email/outbox";
import { mentionEmail } from "../../lib/email/templates";
import { mentionEmailRecipients } from "../../lib/notes/mentions";

const dashboardUrl = () => (process.env.ECHO_WEB_URL ?? "http://localhost:3000").replace(/\/$/, "");

/** Members named in a note who opted in to mentions by email get the note, in their language. */
export const notify = internalMutation({
  args: { noteId: v.id("conversationNotes") },
  handler: async (ctx, { noteId }) => {
    const note = await ctx.db.get(noteId);
    if (!note) return;
    const conversation = await ctx.db.get(note.conversationId);
    if (!conversation) return;
    const others = note.mentions.filter((userId) => userId !== note.authorId);
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
