import { v } from "convex/values";

import { conversationsOfContact } from "../lib/contacts/conversations";
import { mergeConflicts, mergedFields } from "../lib/contacts/merge";
import { survivorOf } from "../lib/contacts/mergeRecords";
import { requireOrgContact } from "../lib/contacts/records";
import { fail } from "../lib/errors";
import { adminQuery, operatorQuery } from "../lib/functions";

/**
 * What merging `duplicateId` into `contactId` would give, for the merge dialog: the combined
 * emails, phones, tags and fields, each side's conversation count, and the conflicts to choose.
 */
export const preview = adminQuery({
  args: { contactId: v.id("contacts"), duplicateId: v.id("contacts") },
  handler: async (ctx, { contactId, duplicateId }) => {
    const { orgId } = ctx.operator;
    if (contactId === duplicateId) fail("INVALID_INPUT", "A contact cannot merge with itself");
    const kept = await requireOrgContact(ctx, orgId, contactId);
    const duplicate = await requireOrgContact(ctx, orgId, duplicateId);
    const combined = mergedFields(kept, duplicate, []);
    return {
      duplicate: { _id: duplicate._id, name: duplicate.name },
      conversations: {
        kept: (await conversationsOfContact(ctx, kept)).length,
        duplicate: (await conversationsOfContact(ctx, duplicate)).length,
      },
      emails: combined.emails ?? [],
      phones: combined.phones ?? [],
      tags: combined.tags ?? [],
      customFields: combined.customFields ?? {},
      conflicts: mergeConflicts(kept, duplicate),
    };
  },
});

/** Where a merged-away contact's page should lead: the contact that kept its data, or null. */
export const survivor = operatorQuery({
  args: { contactId: v.id("contacts") },
  handler: async (ctx, { contactId }) => await survivorOf(ctx, ctx.operator.orgId, contactId),
});
