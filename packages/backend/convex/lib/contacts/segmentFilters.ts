import { v, type Infer } from "convex/values";

import type { Doc } from "../../_generated/dataModel";
import { vContactChannel, vContactFieldValue, vContactStage } from "./validators";

/**
 * The contacts list's filters, as a segment saves them: every tag, the stage, the channel, one
 * custom field's value, and a last-seen range (inclusive, epoch ms).
 */
export const vSegmentFilters = v.object({
  tags: v.optional(v.array(v.string())),
  stage: v.optional(vContactStage),
  channel: v.optional(vContactChannel),
  customField: v.optional(v.object({ key: v.string(), value: vContactFieldValue })),
  lastSeenFrom: v.optional(v.number()),
  lastSeenTo: v.optional(v.number()),
});
export type SegmentFilters = Infer<typeof vSegmentFilters>;

/** Whether a contact is in the segment; the list reads an index first and checks the rest here. */
export function matchesSegment(contact: Doc<"contacts">, filters: SegmentFilters): boolean {
  const { tags, stage, channel, customField, lastSeenFrom, lastSeenTo } = filters;
  return (
    (!tags || tags.every((tag) => contact.tags.includes(tag.trim().toLowerCase()))) &&
    (!stage || contact.stage === stage) &&
    (!channel || contact.channel === channel) &&
    (!customField || contact.customFields[customField.key] === customField.value) &&
    (lastSeenFrom === undefined || contact.lastSeenAt >= lastSeenFrom) &&
    (lastSeenTo === undefined || contact.lastSeenAt <= lastSeenTo)
  );
}
