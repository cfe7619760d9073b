import type { AssigneeFilter } from "./assignee-filter";
import type { ChannelFilter } from "./channel-filter";
import type { ContactInboxFilters } from "./contact-inbox-filters";
import type { TriageFilters } from "./triage-filters";

/** How many of the inbox's secondary filters (those a phone folds away) are not at their default. */
export function countActiveFilters({
  assignee,
  triage,
  contact,
  channel,
}: {
  assignee: AssigneeFilter;
  triage: TriageFilters;
  contact: ContactInboxFilters;
  channel: ChannelFilter;
}): number {
  return [
    assignee !== "all",
    triage.tag !== null,
    triage.priority !== "all",
    triage.sort !== "recent",
    Boolean(contact.contactStage),
    Boolean(contact.contactTag),
    channel !== "all",
  ].filter(Boolean).length;
}
