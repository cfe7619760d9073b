import { assigneeOfValue, memberValue, UNASSIGNED } from "./assignees";

/**
 * The inbox's assignee filter, as the `assignee` search parameter and the filter's options hold
 * it: everyone's, the operator's own, unassigned, or one member's ("user:<id>").
 */
export type AssigneeFilter = "all" | "me" | typeof UNASSIGNED | `user:${string}`;

/** Parses the `assignee` search parameter; missing or unknown means everyone's conversations. */
export function parseAssigneeFilter(value: string | null | undefined): AssigneeFilter {
  if (value === "me" || value === UNASSIGNED) return value;
  if (value?.startsWith("user:") && value.length > "user:".length)
    return memberValue(value.slice(5));
  return "all";
}

/**
 * The inbox query's `assigneeId` (undefined: everyone's, null: unassigned), or "skip" while the
 * operator's own id, which "me" needs, is still loading.
 */
export function assigneeQueryArg(
  filter: AssigneeFilter,
  currentUserId: string | undefined,
): { assigneeId: string | null | undefined } | "skip" {
  if (filter === "all") return { assigneeId: undefined };
  if (filter === "me") return currentUserId ? { assigneeId: currentUserId } : "skip";
  return { assigneeId: assigneeOfValue(filter) };
}
