import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";

import { recordAudit } from "../lib/audit";
import { normalizeInput } from "../lib/contacts/input";
import { contactView } from "../lib/contacts/view";
import { insertContact, patchContact, requireOrgContact } from "../lib/contacts/records";
import {
  readSelection,
  segmentOf,
  vContactSort,
  vSelectionArgs,
} from "../lib/contacts/contactSelection";
import { matchesSegment } from "../lib/contacts/segmentFilters";
import { vContactInput } from "../lib/contacts/validators";
import { fail } from "../lib/errors";
import { operatorMutation, operatorQuery } from "../lib/functions";

/**
 * Contacts sorted by last seen, name or creation, filtered by text, stage, channel, tags, a
 * custom field or last seen (lib/contacts/contactSelection.ts). Every path reads an index scoped
 * to the organization; text search ranks by relevance.
 */
export const list = operatorQuery({
  args: {
    paginationOpts: paginationOptsValidator,
    search: v.optional(v.string()),
    sort: v.optional(vContactSort),
    order: v.optional(v.union(v.literal("asc"), v.literal("desc"))),
    ...vSelectionArgs,
  },
  handler: async (ctx, { paginationOpts, search, sort = "lastSeen", order = "desc", ...rest }) => {
    const { orgId } = ctx.operator;
    const filters = segmentOf(rest);
    if (search?.trim()) {
      const { stage, channel } = filters;
      const now = Date.now();
      const result = await ctx.db
        .query("contacts")
        .withSearchIndex("search_text", (q) => {
          let s = q.search("searchText", search.trim()).eq("organizationId", orgId);
          if (stage) s = s.eq("stage", stage);
          if (channel) s = s.eq("channel", channel);
          return s;
        })
        .paginate(paginationOpts);
      const page = result.page.filter((contact) => matchesSegment(contact, filters, now));
      return { ...result, page: page.map(contactView) };
    }
    const result = await readSelection(ctx, orgId, filters, sort, order, {
      paginate: paginationOpts,
    });
    return { ...result, page: result.page.map(contactView) };
  },
});

export const get = operatorQuery({
  args: { contactId: v.id("contacts") },
  handler: async (ctx, { contactId }) =>
    contactView(await requireOrgContact(ctx, ctx.operator.orgId, contactId)),
});

export const create = operatorMutation({
  args: { ...vContactInput, name: v.string() },
  handler: async (ctx, input) => {
    const { orgId } = ctx.operator;
    const fields = await normalizeInput(ctx, orgId, input);
    const now = Date.now();
    const contactId = await insertContact(ctx, orgId, {
      name: fields.name!,
      emails: fields.emails ?? [],
      phones: fields.phones ?? [],
      tags: fields.tags ?? [],
      customFields: fields.customFields ?? {},
      ...fields,
      firstSeenAt: now,
      lastSeenAt: now,
      channel: "manual",
    });
    await recordAudit(ctx, ctx.operator, "contact.create", contactId);
    return contactId;
  },
});

/**
 * Changes only the fields given; custom fields given are merged into the contact's, and those in
 * `clearCustomFields` are taken off it.
 */
export const update = operatorMutation({
  args: {
    contactId: v.id("contacts"),
    ...vContactInput,
    clearCustomFields: v.optional(v.array(v.string())),
  },
  handler: async (ctx, { contactId, clearCustomFields, ...input }) => {
    const { orgId } = ctx.operator;
    const contact = await requireOrgContact(ctx, orgId, contactId);
    const fields = await normalizeInput(ctx, orgId, input);
    if (fields.customFields || clearCustomFields?.length) {
      const merged = { ...contact.customFields, ...fields.customFields };
      for (const key of clearCustomFields ?? []) delete merged[key];
      fields.customFields = merged;
    }
    if (Object.keys(fields).length === 0) fail("INVALID_INPUT", "Nothing to change");
    await patchContact(ctx, contact, fields);
    await recordAudit(ctx, ctx.operator, "contact.update", contactId);
    return null;
  },
});
