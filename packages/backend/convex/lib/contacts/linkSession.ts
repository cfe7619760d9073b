import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { findContactBy, insertContact, requireOrgContact } from "./records";

/**
 * A new visitor becomes their contact: the one already holding their email (operators can unlink
 * a wrong match), or a new contact from the widget.
 */
export async function linkSessionToContact(
  ctx: Pick<MutationCtx, "db">,
  session: Doc<"contactSessions">,
): Promise<Id<"contacts">> {
  const now = Date.now();
  const known = await findContactBy(ctx, session.organizationId, "email", session.email);
  let contactId: Id<"contacts">;
  if (known) {
    contactId = known;
    await touchContact(ctx, session.organizationId, contactId, now);
  } else {
    const language = session.metadata?.languages?.[0];
    const country = session.metadata?.country;
    contactId = await insertContact(ctx, session.organizationId, {
      name: session.name,
      emails: [session.email],
      phones: [],
      ...(language ? { language } : {}),
      ...(country ? { location: country } : {}),
      firstSeenAt: now,
      lastSeenAt: now,
      channel: "widget",
      tags: [],
      customFields: {},
    });
  }
  await ctx.db.patch(session._id, { contactId });
  return contactId;
}

/** The contact was seen now: its list position and its tag rows follow. */
export async function touchContact(
  ctx: Pick<MutationCtx, "db">,
  organizationId: string,
  contactId: Id<"contacts">,
  now: number,
) {
  await requireOrgContact(ctx, organizationId, contactId);
  await ctx.db.patch(contactId, { lastSeenAt: now });
  const tags = await ctx.db
    .query("contactTags")
    .withIndex("by_contact", (q) => q.eq("contactId", contactId))
    .collect();
  for (const row of tags) await ctx.db.patch(row._id, { lastSeenAt: now });
}
