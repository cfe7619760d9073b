import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";

import type { Doc } from "../_generated/dataModel";
import { recordAudit } from "../lib/audit";
import { normalizeInput } from "../lib/contacts/input";
import { contactView } from "../lib/contacts/view";
import { insertContact, patchContact, requireOrgContact } from "../lib/contacts/records";
import { matchesSegment, vSegmentFilters } from "../lib/contacts/segmentFilters";
import { vContactChannel, vContactInput, vContactStage } from "../lib/contacts/validators";
import { fail } from "../lib/errors";
import { operatorMutation, operatorQuery } from "../lib/functions";

/**
 * Contacts, most recently seen first (or oldest first), filtered by text, stage, channel or tag.
 * Every path reads an index scoped to the organization.
 */
export const list = operatorQuery({
  args: {
    paginationOpts: paginationOptsValidator,
    search: v.optional(v.string()),
    stage: v.optional(vContactStage),
    channel: v.optional(vContactChannel),
    tag: v.optional(v.string()),
    order: v.optional(v.union(v.literal("asc"), v.literal("desc"))),
    /** A saved segment's further filters (lib/contacts/segmentFilters.ts). */
    tags: vSegmentFilters.fields.tags,
    customField: vSegmentFilters.fields.customField,
    lastSeenFrom: vSegmentFilters.fields.lastSeenFrom,
    lastSeenTo: vSegmentFilters.fields.lastSeenTo,
  },
  handler: async (ctx, { paginationOpts, search, stage, channel, order = "desc", ...rest }) => {
    const { orgId } = ctx.operator;
    const contacts = ctx.db.query("contacts");
    const allTags = [...(rest.tag ? [rest.tag] : []), ...(rest.tags ?? [])];
    const tag = allTags[0];
    const filters = { ...rest, tags: allTags, stage, channel };
    const keep = (contact: Doc<"contacts">) => matchesSegment(contact, filters);
    if (search?.trim()) {
      const result = await contacts
        .withSearchIndex("search_text", (q) => {
          let s = q.search("searchText", search.trim()).eq("organizationId", orgId);
          if (stage) s = s.eq("stage", stage);
          if (channel) s = s.eq("channel", channel);
          return s;
        })
        .paginate(paginationOpts);
      return { ...result, page: result.page.filter(keep).map(contactView) };
    }
    if (tag) {
      const result = await ctx.db
        .query("contactTags")
        .withIndex("by_organization_and_tag_and_lastSeenAt", (q) =>
          q.eq("organizationId", orgId).eq("tag", tag.trim().toLowerCase()),
        )
        .order(order)
        .paginate(paginationOpts);
      const page = [];
      for (const row of result.page) {
        const contact = await ctx.db.get(row.contactId);
        if (contact && contact.organizationId === orgId && keep(contact))
          page.push(contactView(contact));
      }
      return { ...result, page };
    }
    const indexed = stage
      ? contacts.withIndex("by_organization_and_stage_and_lastSeenAt", (q) =>
          q.eq("organizationId", orgId).eq("stage", stage),
        )
      : channel
        ? contacts.withIndex("by_organization_and_channel_and_lastSeenAt", (q) =>
            q.eq("organizationId", orgId).eq("channel", channel),
          )
        : contacts.withIndex("by_organization_and_lastSeenAt", (q) =>
            q.eq("organizationId", orgId),
          );
    const result = await indexed.order(order).paginate(paginationOpts);
    return { ...result, page: result.page.filter(keep).map(contactView) };
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

/** Changes only the fields given; custom fields given are merged into the contact's. */
export const update = operatorMutation({
  args: { contactId: v.id("contacts"), ...vContactInput },
  handler: async (ctx, { contactId, ...input }) => {
    const { orgId } = ctx.operator;
    const contact = await requireOrgContact(ctx, orgId, contactId);
    const fields = await normalizeInput(ctx, orgId, input);
    if (fields.customFields)
      fields.customFields = { ...contact.customFields, ...fields.customFields };
    if (Object.keys(fields).length === 0) fail("INVALID_INPUT", "Nothing to change");
    await patchContact(ctx, contact, fields);
    await recordAudit(ctx, ctx.operator, "contact.update", contactId);
    return null;
  },
});
