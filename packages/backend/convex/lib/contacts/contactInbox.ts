import type { PaginationResult } from "convex/server";

import type { Doc, Id } from "../../_generated/dataModel";
import type { QueryCtx } from "../../_generated/server";
import type { ContactStage } from "./validators";

/** The most recently seen contacts a tag or stage filter reads; older ones are not listed. */
export const CONTACTS_READ = 200;
/** Each contact's most recent conversations read. */
export const CONVERSATIONS_PER_CONTACT = 20;
/** The inbox shows at most this many conversations under a contact filter, newest activity first. */
export const CONTACT_FILTER_LIMIT = 100;

export type ContactFilter = { contactTag?: string; contactStage?: ContactStage };

/** The contacts a tag or stage names, most recently seen first, from their own indexes. */
async function contactsMatching(
  ctx: Pick<QueryCtx, "db">,
  orgId: string,
  { contactTag, contactStage }: ContactFilter,
): Promise<Id<"contacts">[]> {
  if (contactTag !== undefined) {
    const rows = await ctx.db
      .query("contactTags")
      .withIndex("by_organization_and_tag_and_lastSeenAt", (q) =>
        q.eq("organizationId", orgId).eq("tag", contactTag.trim().toLowerCase()),
      )
      .order("desc")
      .take(CONTACTS_READ);
    if (contactStage === undefined) return rows.map((row) => row.contactId);
    const contacts = await Promise.all(rows.map((row) => ctx.db.get(row.contactId)));
    return contacts.filter((c) => c?.stage === contactStage).map((c) => c!._id);
  }
  const contacts = await ctx.db
    .query("contacts")
    .withIndex("by_organization_and_stage_and_lastSeenAt", (q) =>
      q.eq("organizationId", orgId).eq("stage", contactStage),
    )
    .order("desc")
    .take(CONTACTS_READ);
  return contacts.map((contact) => contact._id);
}

/**
 * The inbox under a contact tag or stage: the conversations of the matching contacts (bounded, see
 * the limits above) that pass `keep`, newest activity first, as one final page.
 */
export async function contactInboxPage(
  ctx: Pick<QueryCtx, "db">,
  orgId: string,
  filter: ContactFilter,
  keep: (conversation: Doc<"conversations">) => boolean,
): Promise<PaginationResult<Doc<"conversations">>> {
  const found: Doc<"conversations">[] = [];
  for (const contactId of await contactsMatching(ctx, orgId, filter)) {
    const conversations = await ctx.db
      .query("conversations")
      .withIndex("by_contact_and_lastMessageAt", (q) => q.eq("contactId", contactId))
      .order("desc")
      .take(CONVERSATIONS_PER_CONTACT);
    found.push(...conversations.filter((c) => c.organizationId === orgId && keep(c)));
  }
  const page = found
    .sort((a, b) => b.lastMessageAt - a.lastMessageAt)
    .slice(0, CONTACT_FILTER_LIMIT);
  return { page, isDone: true, continueCursor: "" };
}
