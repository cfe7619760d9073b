import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { PRIORITIES, type Priority } from "@echo/backend/convex/lib/triage/validators";

/**
 * The inbox's triage filters as the URL holds them: `tag` (a tag id), `priority`, `sort=priority`
 * and `view=snoozed`. Unknown values read as no filter.
 */
export type TriageFilters = {
  tag: string | null;
  priority: Priority | "all";
  sort: "recent" | "priority";
  snoozed: boolean;
};

export function parseTriageFilters(params: URLSearchParams): TriageFilters {
  const priority = params.get("priority");
  return {
    tag: params.get("tag") || null,
    priority: PRIORITIES.find((known) => known === priority) ?? "all",
    sort: params.get("sort") === "priority" ? "priority" : "recent",
    snoozed: params.get("view") === "snoozed",
  };
}

/** Writes the changed triage filters into `next`, dropping the ones back at their default. */
export function writeTriageFilters(next: URLSearchParams, changes: Partial<TriageFilters>): void {
  const set = (key: string, value: string | null) => {
    if (value === null) next.delete(key);
    else next.set(key, value);
  };
  if (changes.tag !== undefined) set("tag", changes.tag);
  if (changes.priority !== undefined)
    set("priority", changes.priority === "all" ? null : changes.priority);
  if (changes.sort !== undefined) set("sort", changes.sort === "priority" ? "priority" : null);
  if (changes.snoozed !== undefined) set("view", changes.snoozed ? "snoozed" : null);
}

/** The inbox query's arguments for these filters. */
export function triageQueryArgs(filters: TriageFilters) {
  return {
    tagId: (filters.tag ?? undefined) as Id<"tags"> | undefined,
    priority: filters.priority === "all" ? undefined : filters.priority,
    sort: filters.sort === "priority" ? ("priority" as const) : undefined,
    snoozed: filters.snoozed || undefined,
  };
}

export function hasTriageFilter(filters: TriageFilters): boolean {
  return filters.tag !== null || filters.priority !== "all" || filters.snoozed;
}
