import { v, type Infer } from "convex/values";

/** Priority as operators name it; stored as its rank so an index sorts urgent first. */
export const PRIORITIES = ["none", "low", "medium", "high", "urgent"] as const;
export const vPriority = v.union(...PRIORITIES.map((name) => v.literal(name)));
export type Priority = Infer<typeof vPriority>;

export function priorityRank(priority: Priority): number | undefined {
  const rank = PRIORITIES.indexOf(priority);
  return rank > 0 ? rank : undefined;
}

export function priorityName(rank: number | undefined): Priority {
  return PRIORITIES[rank ?? 0] ?? "none";
}

/** Tag colors are a fixed palette the dashboard knows how to draw in light and dark themes. */
export const TAG_COLORS = [
  "gray",
  "red",
  "orange",
  "amber",
  "green",
  "teal",
  "blue",
  "violet",
  "pink",
] as const;
export const vTagColor = v.union(...TAG_COLORS.map((color) => v.literal(color)));
export type TagColor = Infer<typeof vTagColor>;

export const TAG_NAME_MAX = 40;
export const TAGS_PER_ORGANIZATION_MAX = 100;
export const TAGS_PER_CONVERSATION_MAX = 10;
