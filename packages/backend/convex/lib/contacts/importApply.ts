import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import type { ImportMode, ImportReason, ImportRow } from "./importValidators";
import {
  findContactBy,
  insertContactWithFreeIdentifiers,
  patchContact,
  type ContactFields,
} from "./records";

export type RowOutcome = "imported" | "updated" | "skipped" | ImportReason;

/** What a row changes in a contact that exists; empty when the row says nothing new. */
function changesFor(contact: Doc<"contacts">, row: ImportRow): Partial<ContactFields> {
  const patch: Partial<ContactFields> = {};
  const added = (have: string[], more: string[]) => more.filter((item) => !have.includes(item));
  if (added(contact.emails, row.emails).length)
    patch.emails = [...contact.emails, ...added(contact.emails, row.emails)];
  if (added(contact.phones, row.phones).length)
    patch.phones = [...contact.phones, ...added(contact.phones, row.phones)];
  if (added(contact.tags, row.tags).length)
    patch.tags = [...contact.tags, ...added(contact.tags, row.tags)];
  if (row.name && row.name !== contact.name) patch.name = row.name;
  if (row.company && row.company !== contact.company) patch.company = row.company;
  if (row.stage && row.stage !== contact.stage) patch.stage = row.stage;
  const fields = Object.entries(row.customFields).filter(
    ([key, value]) => contact.customFields[key] !== value,
  );
  if (fields.length)
    patch.customFields = { ...contact.customFields, ...Object.fromEntries(fields) };
  return patch;
}

/** One row against the organization's contacts: created, updated, skipped or refused. */
export async function applyImportRow(
  ctx: Pick<MutationCtx, "db">,
  organizationId: string,
  row: ImportRow,
  mode: ImportMode,
  now: number,
): Promise<RowOutcome> {
  const owners = new Set<Id<"contacts">>();
  for (const value of row.emails) {
    const owner = await findContactBy(ctx, organizationId, "email", value);
    if (owner) owners.add(owner);
  }
  for (const value of row.phones) {
    const owner = await findContactBy(ctx, organizationId, "phone", value);
    if (owner) owners.add(owner);
  }
  if (owners.size > 1) return { code: "MATCHES_SEVERAL" };
  const [existing] = owners;
  if (!existing) {
    await insertContactWithFreeIdentifiers(ctx, organizationId, {
      name: row.name ?? row.emails[0] ?? row.phones[0]!,
      emails: row.emails,
      phones: row.phones,
      company: row.company,
      stage: row.stage,
      tags: row.tags,
      customFields: row.customFields,
      firstSeenAt: now,
      lastSeenAt: now,
      channel: "import",
    });
    return "imported";
  }
  if (mode === "skip") return "skipped";
  const contact = (await ctx.db.get(existing))!;
  const patch = changesFor(contact, row);
  if (Object.keys(patch).length === 0) return "skipped";
  await patchContact(ctx, contact, patch);
  return "updated";
}

export async function insertRejections(
  ctx: Pick<MutationCtx, "db">,
  organizationId: string,
  jobId: Id<"contactImports">,
  rejections: { row: number; cells: string[]; reason: ImportReason }[],
) {
  for (const rejection of rejections)
    await ctx.db.insert("contactImportRejections", { organizationId, jobId, ...rejection });
}
