import type { Doc } from "../../_generated/dataModel";
import type { ContactFields } from "./records";

/** The single-valued fields two contacts may disagree on; custom fields go as `custom:<key>`. */
export const MERGE_FIELDS = [
  "name",
  "company",
  "stage",
  "language",
  "location",
  "avatarUrl",
] as const;
type MergeField = (typeof MERGE_FIELDS)[number];

export type MergeConflict = {
  field: string;
  kept: string | number | boolean;
  duplicate: string | number | boolean;
};

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** Where the two contacts hold different values: the admin picks one of each. */
export function mergeConflicts(kept: Doc<"contacts">, duplicate: Doc<"contacts">): MergeConflict[] {
  const conflicts: MergeConflict[] = [];
  for (const field of MERGE_FIELDS) {
    const [a, b] = [kept[field], duplicate[field]];
    if (a !== undefined && b !== undefined && a !== b)
      conflicts.push({ field, kept: a, duplicate: b });
  }
  for (const [key, b] of Object.entries(duplicate.customFields)) {
    const a = kept.customFields[key];
    if (a !== undefined && a !== b)
      conflicts.push({ field: `custom:${key}`, kept: a, duplicate: b });
  }
  return conflicts;
}

/**
 * The kept contact after the merge: emails, phones and tags of both; for every other field the
 * kept contact's value, or the duplicate's where it has none or where `useDuplicate` names it.
 */
export function mergedFields(
  kept: Doc<"contacts">,
  duplicate: Doc<"contacts">,
  useDuplicate: string[],
): Partial<ContactFields> {
  const prefer = new Set(useDuplicate);
  const pick = <K extends MergeField>(field: K) =>
    prefer.has(field) ? (duplicate[field] ?? kept[field]) : (kept[field] ?? duplicate[field]);
  const customFields = { ...duplicate.customFields, ...kept.customFields };
  for (const [key, value] of Object.entries(duplicate.customFields))
    if (prefer.has(`custom:${key}`)) customFields[key] = value;
  return {
    name: pick("name"),
    emails: union(kept.emails, duplicate.emails),
    phones: union(kept.phones, duplicate.phones),
    tags: union(kept.tags, duplicate.tags),
    customFields,
    stage: pick("stage"),
    company: pick("company"),
    avatarUrl: pick("avatarUrl"),
    language: pick("language"),
    location: pick("location"),
    externalUserId: kept.externalUserId ?? duplicate.externalUserId,
    identityEmail: kept.identityEmail ?? duplicate.identityEmail,
    firstSeenAt: Math.min(kept.firstSeenAt, duplicate.firstSeenAt),
    lastSeenAt: Math.max(kept.lastSeenAt, duplicate.lastSeenAt),
  };
}
