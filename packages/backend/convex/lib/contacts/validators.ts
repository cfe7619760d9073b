import { v, type Infer } from "convex/values";

/** Where a contact first came from; WhatsApp customers are attached by phone. */
export const vContactChannel = v.union(
  v.literal("widget"),
  v.literal("whatsapp"),
  v.literal("manual"),
  v.literal("import"),
);
export type ContactChannel = Infer<typeof vContactChannel>;

/** Lifecycle stages are fixed keys; each organization may relabel them (contactSettings). */
export const CONTACT_STAGES = ["lead", "prospect", "customer", "churned"] as const;
export const vContactStage = v.union(...CONTACT_STAGES.map((stage) => v.literal(stage)));
export type ContactStage = Infer<typeof vContactStage>;

export const vContactFieldType = v.union(
  v.literal("text"),
  v.literal("number"),
  v.literal("date"),
  v.literal("select"),
  v.literal("boolean"),
);
export type ContactFieldType = Infer<typeof vContactFieldType>;

/** A custom field's value; dates are ISO days (YYYY-MM-DD). */
export const vContactFieldValue = v.union(v.string(), v.number(), v.boolean());
export type ContactFieldValue = Infer<typeof vContactFieldValue>;

/** What finds a contact: an email, a phone, or the user id a signed identity carries. */
export const vIdentifierKind = v.union(v.literal("email"), v.literal("phone"), v.literal("userId"));
export type IdentifierKind = Infer<typeof vIdentifierKind>;

/** The fields an operator edits by hand (and an import row maps to). */
export const vContactInput = {
  name: v.optional(v.string()),
  emails: v.optional(v.array(v.string())),
  phones: v.optional(v.array(v.string())),
  company: v.optional(v.string()),
  avatarUrl: v.optional(v.string()),
  language: v.optional(v.string()),
  location: v.optional(v.string()),
  stage: v.optional(vContactStage),
  tags: v.optional(v.array(v.string())),
  customFields: v.optional(v.record(v.string(), vContactFieldValue)),
};
