import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import { fail } from "../errors";
import type { IdentifierKind } from "./validators";
import { searchTextOf } from "./normalize";

type Db = Pick<QueryCtx, "db">;

/** The contact of an organization that holds this email or phone, if any. */
export async function findContactBy(
  ctx: Db,
  organizationId: string,
  kind: IdentifierKind,
  value: string,
): Promise<Id<"contacts"> | null> {
  const row = await ctx.db
    .query("contactIdentifiers")
    .withIndex("by_organization_and_kind_and_value", (q) =>
      q.eq("organizationId", organizationId).eq("kind", kind).eq("value", value),
    )
    .unique();
  return row?.contactId ?? null;
}

/** A contact of the caller's organization; another organization's reads as missing. */
export async function requireOrgContact(
  ctx: Db,
  organizationId: string,
  contactId: Id<"contacts">,
): Promise<Doc<"contacts">> {
  const contact = await ctx.db.get(contactId);
  if (!contact || contact.organizationId !== organizationId) fail("NOT_FOUND", "Contact not found");
  return contact;
}

export type ContactFields = Omit<
  Doc<"contacts">,
  "_id" | "_creationTime" | "organizationId" | "searchText"
>;

/** Emails and phones another contact already holds are refused: merge instead. */
async function checkIdentifiersFree(
  ctx: Db,
  organizationId: string,
  fields: Pick<ContactFields, "emails" | "phones">,
  self?: Id<"contacts">,
) {
  const wanted = [
    ...fields.emails.map((value) => ["email", value] as const),
    ...fields.phones.map((value) => ["phone", value] as const),
  ];
  for (const [kind, value] of wanted) {
    const owner = await findContactBy(ctx, organizationId, kind, value);
    if (owner && owner !== self) fail("CONTACT_EXISTS", `Another contact has ${value}`);
  }
}

type LookupSource = Pick<
  Doc<"contacts">,
  "_id" | "organizationId" | "emails" | "phones" | "externalUserId" | "tags" | "lastSeenAt"
>;

/**
 * Brings the lookup rows (identifiers, tags) of one contact in line with its document, writing
 * only the rows that change; a contact just inserted has none to read.
 */
async function syncLookups(ctx: Pick<MutationCtx, "db">, contact: LookupSource, isNew = false) {
  const { organizationId, _id: contactId } = contact;
  const identifiers = new Map(
    [
      ...contact.emails.map((value) => ({ kind: "email" as const, value })),
      ...contact.phones.map((value) => ({ kind: "phone" as const, value })),
      ...(contact.externalUserId
        ? [{ kind: "userId" as const, value: contact.externalUserId }]
        : []),
    ].map((identifier) => [`${identifier.kind}:${identifier.value}`, identifier]),
  );
  const tags = new Set(contact.tags);
  if (!isNew) {
    const held = await ctx.db
      .query("contactIdentifiers")
      .withIndex("by_contact", (q) => q.eq("contactId", contactId))
      .collect();
    for (const row of held)
      if (!identifiers.delete(`${row.kind}:${row.value}`)) await ctx.db.delete(row._id);
    const tagged = await ctx.db
      .query("contactTags")
      .withIndex("by_contact", (q) => q.eq("contactId", contactId))
      .collect();
    for (const row of tagged) {
      if (!tags.delete(row.tag)) await ctx.db.delete(row._id);
      else if (row.lastSeenAt !== contact.lastSeenAt)
        await ctx.db.patch(row._id, { lastSeenAt: contact.lastSeenAt });
    }
  }
  for (const identifier of identifiers.values())
    await ctx.db.insert("contactIdentifiers", { organizationId, contactId, ...identifier });
  for (const tag of tags)
    await ctx.db.insert("contactTags", {
      organizationId,
      tag,
      contactId,
      lastSeenAt: contact.lastSeenAt,
    });
}

export async function insertContact(
  ctx: Pick<MutationCtx, "db">,
  organizationId: string,
  fields: ContactFields,
): Promise<Id<"contacts">> {
  await checkIdentifiersFree(ctx, organizationId, fields);
  return await insertContactWithFreeIdentifiers(ctx, organizationId, fields);
}

/** A new contact whose emails and phones the caller has just found free in this transaction. */
export async function insertContactWithFreeIdentifiers(
  ctx: Pick<MutationCtx, "db">,
  organizationId: string,
  fields: ContactFields,
): Promise<Id<"contacts">> {
  const contactId = await ctx.db.insert("contacts", {
    organizationId,
    ...fields,
    searchText: searchTextOf(fields),
  });
  await syncLookups(ctx, { _id: contactId, organizationId, ...fields }, true);
  return contactId;
}

export async function patchContact(
  ctx: Pick<MutationCtx, "db">,
  contact: Doc<"contacts">,
  patch: Partial<ContactFields>,
): Promise<Doc<"contacts">> {
  const next = { ...contact, ...patch };
  // Identifiers the contact already holds are its own; only new ones can belong to another.
  await checkIdentifiersFree(
    ctx,
    contact.organizationId,
    {
      emails: next.emails.filter((email) => !contact.emails.includes(email)),
      phones: next.phones.filter((phone) => !contact.phones.includes(phone)),
    },
    contact._id,
  );
  await ctx.db.patch(contact._id, { ...patch, searchText: searchTextOf(next) });
  const updated = (await ctx.db.get(contact._id))!;
  await syncLookups(ctx, updated);
  return updated;
}

/** Removes the contact and its lookup rows; its sessions keep existing, unlinked. */
export async function deleteContactRecord(ctx: Pick<MutationCtx, "db">, contact: Doc<"contacts">) {
  await syncLookups(ctx, {
    ...contact,
    emails: [],
    phones: [],
    tags: [],
    externalUserId: undefined,
  });
  const notes = await ctx.db
    .query("contactNotes")
    .withIndex("by_contact", (q) => q.eq("contactId", contact._id))
    .collect();
  for (const note of notes) await ctx.db.delete(note._id);
  await ctx.db.delete(contact._id);
}
