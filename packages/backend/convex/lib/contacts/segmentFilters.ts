import { v, type Infer } from "convex/values";

import type { Doc } from "../../_generated/dataModel";
import { vContactChannel, vContactFieldValue, vContactStage } from "./validators";

/** Relative last-seen windows, kept relative in a saved segment (24 h, 7 or 30 days, older). */
export const LAST_SEEN_WINDOWS = ["24h", "7d", "30d", "older30d"] as const;
export const vLastSeenWindow = v.union(...LAST_SEEN_WINDOWS.map((w) => v.literal(w)));
export type LastSeenWindow = Infer<typeof vLastSeenWindow>;

const DAY = 24 * 60 * 60 * 1000;

/**
 * One custom field's condition: equal to `value`, containing `contains` (text, any case), or
 * between `min` and `max` inclusive (numbers for a number field, ISO days for a date field).
 */
export const vCustomFieldFilter = v.object({
  key: v.string(),
  value: v.optional(vContactFieldValue),
  contains: v.optional(v.string()),
  min: v.optional(v.union(v.number(), v.string())),
  max: v.optional(v.union(v.number(), v.string())),
});
export type CustomFieldFilter = Infer<typeof vCustomFieldFilter>;

/**
 * The contacts list's filters, as a segment saves them: every tag, the stage, the channel, one
 * custom field's condition, and a last-seen range (inclusive, epoch ms) or relative window.
 */
export const vSegmentFilters = v.object({
  tags: v.optional(v.array(v.string())),
  stage: v.optional(vContactStage),
  channel: v.optional(vContactChannel),
  customField: v.optional(vCustomFieldFilter),
  lastSeenFrom: v.optional(v.number()),
  lastSeenTo: v.optional(v.number()),
  lastSeen: v.optional(vLastSeenWindow),
});
export type SegmentFilters = Infer<typeof vSegmentFilters>;

/** The inclusive last-seen bounds of the filters at `now`: the fixed range within the window. */
export function lastSeenRange(
  filters: SegmentFilters,
  now: number,
): { from?: number; to?: number } {
  let from = filters.lastSeenFrom;
  let to = filters.lastSeenTo;
  const window = filters.lastSeen;
  // "Older" starts just past the 30-day window, so the two never share a contact.
  if (window === "older30d") to = Math.min(to ?? Infinity, now - 30 * DAY - 1);
  else if (window) {
    const since = now - { "24h": 1, "7d": 7, "30d": 30 }[window] * DAY;
    from = Math.max(from ?? -Infinity, since);
  }
  return { from, to };
}

function matchesCustomField(contact: Doc<"contacts">, filter: CustomFieldFilter): boolean {
  const actual = contact.customFields[filter.key];
  if (actual === undefined) return false;
  if (filter.value !== undefined && actual !== filter.value) return false;
  if (filter.contains !== undefined) {
    if (typeof actual !== "string") return false;
    if (!actual.toLowerCase().includes(filter.contains.trim().toLowerCase())) return false;
  }
  for (const [bound, isMin] of [
    [filter.min, true],
    [filter.max, false],
  ] as const) {
    if (bound === undefined) continue;
    if (typeof actual !== typeof bound) return false;
    if (isMin ? actual < bound : actual > bound) return false;
  }
  return true;
}

/** Whether a contact is in the segment; the list reads an index first and checks the rest here. */
export function matchesSegment(
  contact: Doc<"contacts">,
  filters: SegmentFilters,
  now: number,
): boolean {
  const { tags, stage, channel, customField } = filters;
  const { from, to } = lastSeenRange(filters, now);
  return (
    (!tags || tags.every((tag) => contact.tags.includes(tag.trim().toLowerCase()))) &&
    (!stage || contact.stage === stage) &&
    (!channel || contact.channel === channel) &&
    (!customField || matchesCustomField(contact, customField)) &&
    (from === undefined || contact.lastSeenAt >= from) &&
    (to === undefined || contact.lastSeenAt <= to)
  );
}
