import type { FunctionReturnType } from "convex/server";

import type { api } from "@echo/backend/convex/_generated/api";

export type Member = FunctionReturnType<typeof api.private.members.list>[number];

/** Select values: user ids are prefixed so no id can collide with "unassigned". */
export const UNASSIGNED = "unassigned";
export const memberValue = (userId: string): `user:${string}` => `user:${userId}`;

/** The value of a picker or filter option back to a user id (null = unassigned). */
export function assigneeOfValue(value: string): string | null {
  if (value === UNASSIGNED) return null;
  if (value.startsWith("user:") && value.length > "user:".length) return value.slice(5);
  throw new Error(`Not an assignee option: ${JSON.stringify(value)}`);
}

export type AssigneeLabel =
  | { kind: "unassigned" }
  | { kind: "me" }
  | { kind: "member"; name: string }
  | { kind: "unlisted" };

/** How to name a conversation's assignee for the signed-in operator. */
export function describeAssignee(
  assigneeId: string | null | undefined,
  members: Member[],
  currentUserId: string,
): AssigneeLabel {
  if (!assigneeId) return { kind: "unassigned" };
  if (assigneeId === currentUserId) return { kind: "me" };
  const member = members.find((candidate) => candidate.userId === assigneeId);
  return member ? { kind: "member", name: member.name } : { kind: "unlisted" };
}

/** Everyone but the signed-in operator, who has the "Me" option, in the backend's order. */
export function otherMembers(members: Member[], currentUserId: string): Member[] {
  return members.filter((member) => member.userId !== currentUserId);
}
