import { defineTable } from "convex/server";
import { v } from "convex/values";

import {
  vContactChannel,
  vContactFieldType,
  vContactFieldValue,
  vContactStage,
  vIdentifierKind,
} from "./validators";

/** One record per customer across channels, with what finds it (emails, phones, tags). */
export const contactTables = {
  contacts: defineTable({
    organizationId: v.string(),
    name: v.string(),
    emails: v.array(v.string()),
    /** E.164 (libphonenumber-js). */
    phones: v.array(v.string()),
    company: v.optional(v.string()),
    avatarUrl: v.optional(v.string()),
    language: v.optional(v.string()),
    location: v.optional(v.string()),
    firstSeenAt: v.number(),
    lastSeenAt: v.number(),
    channel: vContactChannel,
    stage: v.optional(vContactStage),
    tags: v.array(v.string()),
    customFields: v.record(v.string(), vContactFieldValue),
    /** The host site's user id from a signed identity, and the email it was first signed with. */
    externalUserId: v.optional(v.string()),
    identityEmail: v.optional(v.string()),
    /** Name, emails and phones, for the search index. */
    searchText: v.string(),
  })
    .index("by_organization_and_lastSeenAt", ["organizationId", "lastSeenAt"])
    .index("by_organization_and_name", ["organizationId", "name"])
    .index("by_organization", ["organizationId"])
    .index("by_organization_and_stage_and_lastSeenAt", ["organizationId", "stage", "lastSeenAt"])
    .index("by_organization_and_channel_and_lastSeenAt", [
      "organizationId",
      "channel",
      "lastSeenAt",
    ])
    .searchIndex("search_text", {
      searchField: "searchText",
      filterFields: ["organizationId", "stage", "channel"],
    }),

  /** An email or phone belongs to at most one contact of an organization; this finds it. */
  contactIdentifiers: defineTable({
    organizationId: v.string(),
    kind: vIdentifierKind,
    value: v.string(),
    contactId: v.id("contacts"),
  })
    .index("by_organization_and_kind_and_value", ["organizationId", "kind", "value"])
    .index("by_contact", ["contactId"]),

  /** A contact's tags, one row each, so a tag filter reads an index instead of every contact. */
  contactTags: defineTable({
    organizationId: v.string(),
    tag: v.string(),
    contactId: v.id("contacts"),
    lastSeenAt: v.number(),
  })
    .index("by_organization_and_tag_and_lastSeenAt", ["organizationId", "tag", "lastSeenAt"])
    .index("by_contact", ["contactId"]),

  /** Custom fields an admin defines for the organization's contacts. */
  contactFields: defineTable({
    organizationId: v.string(),
    key: v.string(),
    label: v.string(),
    type: vContactFieldType,
    /** The choices of a select field. */
    options: v.optional(v.array(v.string())),
  }).index("by_organization_and_key", ["organizationId", "key"]),

  /** That an organization has an identity-verification secret (kept in the secrets store). */
  identityVerification: defineTable({
    organizationId: v.string(),
    rotatedAt: v.number(),
  }).index("by_organization", ["organizationId"]),

  /** An organization's own labels for the lifecycle stages; without a row the defaults apply. */
  contactSettings: defineTable({
    organizationId: v.string(),
    stageLabels: v.record(v.string(), v.string()),
  }).index("by_organization", ["organizationId"]),
};
