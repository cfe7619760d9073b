import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { fail } from "../errors";
import { setSessionConversationsContact } from "./conversationContact";
import { findContactBy, insertContact, patchContact, requireOrgContact } from "./records";

/** A signed identity the HTTP route verified against the organization's secret. */
export type VerifiedIdentity = { userId: string; email?: string };

/**
 * A new visitor becomes their contact. A verified identity finds the contact by user id (or adopts
 * the one holding its email); otherwise the contact holding the visitor's email (operators can
 * unlink a wrong match); otherwise a new contact from the widget.
 */
export async function linkSessionToContact(
  ctx: Pick<MutationCtx, "db">,
  session: Doc<"contactSessions">,
  identity?: VerifiedIdentity,
): Promise<Id<"contacts">> {
  const now = Date.now();
  const { organizationId } = session;
  let contactId: Id<"contacts"> | null;
  if (identity) {
    contactId = await findContactBy(ctx, organizationId, "userId", identity.userId);
    const contact = contactId ? await requireOrgContact(ctx, organizationId, contactId) : null;
    // The signature covers the user id only: a replay of it with another email is not that user.
    if (contact?.identityEmail && contact.identityEmail !== session.email)
      fail("IDENTITY_REFUSED", "This signed identity belongs to another email");
    if (!contact) {
      const byEmail = await findContactBy(ctx, organizationId, "email", session.email);
      const adoptable = byEmail ? await ctx.db.get(byEmail) : null;
      if (adoptable && !adoptable.externalUserId) {
        await patchContact(ctx, adoptable, {
          externalUserId: identity.userId,
          identityEmail: session.email,
        });
        contactId = adoptable._id;
      }
    }
  } else {
    contactId = await findContactBy(ctx, organizationId, "email", session.email);
  }
  if (contactId) {
    await touchContact(ctx, organizationId, contactId, now);
  } else {
    const language = session.metadata?.languages?.[0];
    const country = session.metadata?.country;
    const byEmail = await findContactBy(ctx, organizationId, "email", session.email);
    contactId = await insertContact(ctx, organizationId, {
      name: session.name,
      // A signed user whose email another signed user holds still gets their own contact.
      emails: byEmail ? [] : [session.email],
      phones: [],
      ...(language ? { language } : {}),
      ...(country ? { location: country } : {}),
      ...(identity ? { externalUserId: identity.userId, identityEmail: session.email } : {}),
      firstSeenAt: now,
      lastSeenAt: now,
      channel: "widget",
      tags: [],
      customFields: {},
    });
  }
  await ctx.db.patch(session._id, { contactId });
  await setSessionConversationsContact(ctx, session._id, contactId);
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
