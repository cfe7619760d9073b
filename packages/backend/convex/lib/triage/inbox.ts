import type { FilterBuilder, PaginationOptions, PaginationResult } from "convex/server";
import { v, type ObjectType } from "convex/values";

import type { DataModel, Doc } from "../../_generated/dataModel";
import type { QueryCtx } from "../../_generated/server";
import { contactInboxPage } from "../contacts/contactInbox";
import { vContactStage } from "../contacts/validators";
import { normalizeInboxSearch } from "../phoneSearch";
import { vChannel, vConversationStatus } from "../validators";
import { priorityRank, vPriority } from "./validators";

/** The inbox's filters and order; each reading starts from an index and filters the rest. */
export const vInboxFilters = {
  status: v.optional(vConversationStatus),
  /** A member's id, or null for unassigned. */
  assigneeId: v.optional(v.union(v.string(), v.null())),
  search: v.optional(v.string()),
  tagId: v.optional(v.id("tags")),
  priority: v.optional(vPriority),
  /** true lists the snoozed conversations; otherwise they are left out. */
  snoozed: v.optional(v.boolean()),
  sort: v.optional(v.union(v.literal("recent"), v.literal("priority"))),
  /** The visitor's contact carries this tag (lib/contacts/contactInbox.ts). */
  contactTag: v.optional(v.string()),
  /** The visitor's contact is at this lifecycle stage. */
  contactStage: v.optional(vContactStage),
  channel: v.optional(vChannel),
};
export type InboxFilters = ObjectType<typeof vInboxFilters>;

type ConversationFilter = FilterBuilder<{
  document: Doc<"conversations">;
  fieldPaths: keyof Doc<"conversations"> & string;
  indexes: DataModel["conversations"]["indexes"];
  searchIndexes: DataModel["conversations"]["searchIndexes"];
  vectorIndexes: DataModel["conversations"]["vectorIndexes"];
}>;

/** What each filter asks of a conversation, beyond the organization. */
function conditions(filters: InboxFilters) {
  return {
    snoozed: filters.snoozed ? true : undefined,
    status: filters.status,
    assignee:
      filters.assigneeId === undefined ? undefined : { id: filters.assigneeId ?? undefined },
    priority: filters.priority === undefined ? undefined : { rank: priorityRank(filters.priority) },
    channel: filters.channel,
  };
}

export function matchesInbox(conversation: Doc<"conversations">, filters: InboxFilters): boolean {
  const c = conditions(filters);
  return (
    conversation.snoozed === c.snoozed &&
    (c.status === undefined || conversation.status === c.status) &&
    (c.assignee === undefined || conversation.assigneeId === c.assignee.id) &&
    (c.priority === undefined || conversation.priority === c.priority.rank) &&
    (filters.tagId === undefined || (conversation.tagIds ?? []).includes(filters.tagId)) &&
    (c.channel === undefined || conversation.channel === c.channel)
  );
}

/** The same conditions for a database filter, minus `skip` (the ones the index already holds). */
function filterFor(filters: InboxFilters, skip: Array<"status" | "assignee" | "priority">) {
  const c = conditions(filters);
  return (q: ConversationFilter) => {
    const parts = [q.eq(q.field("snoozed"), c.snoozed)];
    if (c.status !== undefined && !skip.includes("status"))
      parts.push(q.eq(q.field("status"), c.status));
    if (c.assignee !== undefined && !skip.includes("assignee")) {
      parts.push(q.eq(q.field("assigneeId"), c.assignee.id));
    }
    if (c.priority !== undefined && !skip.includes("priority")) {
      parts.push(q.eq(q.field("priority"), c.priority.rank));
    }
    if (c.channel !== undefined) parts.push(q.eq(q.field("channel"), c.channel));
    return q.and(...parts);
  };
}

/**
 * One page of the inbox. A contact tag or stage is read from the contacts' indexes, bounded; a tag
 * from its own index of tagged conversations; search from the
 * text index; priority (filter or order) from the priority index; otherwise status, assignee or
 * the not-snoozed index, newest activity first.
 */
export async function inboxPage(
  ctx: Pick<QueryCtx, "db">,
  orgId: string,
  filters: InboxFilters,
  paginationOpts: PaginationOptions,
): Promise<PaginationResult<Doc<"conversations">>> {
  const conversations = ctx.db.query("conversations");
  const c = conditions(filters);
  const search = filters.search && normalizeInboxSearch(filters.search);
  if (filters.contactTag !== undefined || filters.contactStage !== undefined) {
    const text = search?.toLowerCase();
    return await contactInboxPage(
      ctx,
      orgId,
      filters,
      (doc) => matchesInbox(doc, filters) && (!text || doc.searchText.toLowerCase().includes(text)),
    );
  }
  if (search) {
    const result = await conversations
      .withSearchIndex("search_text", (q) => {
        let s = q.search("searchText", search).eq("organizationId", orgId);
        if (c.status) s = s.eq("status", c.status);
        if (c.assignee) s = s.eq("assigneeId", c.assignee.id);
        return s;
      })
      .paginate(paginationOpts);
    return { ...result, page: result.page.filter((doc) => matchesInbox(doc, filters)) };
  }
  if (filters.tagId) {
    const { tagId } = filters;
    const rows = await ctx.db
      .query("conversationTags")
      .withIndex("by_organization_and_tag_and_lastMessageAt", (q) =>
        q.eq("organizationId", orgId).eq("tagId", tagId),
      )
      .order("desc")
      .paginate(paginationOpts);
    const docs = await Promise.all(rows.page.map((row) => ctx.db.get(row.conversationId)));
    return {
      ...rows,
      page: docs.filter((doc): doc is Doc<"conversations"> => !!doc && matchesInbox(doc, filters)),
    };
  }
  if (c.priority || filters.sort === "priority") {
    return await conversations
      .withIndex("by_organization_and_priority_and_lastMessageAt", (q) =>
        c.priority
          ? q.eq("organizationId", orgId).eq("priority", c.priority.rank)
          : q.eq("organizationId", orgId),
      )
      .order("desc")
      .filter(filterFor(filters, ["priority"]))
      .paginate(paginationOpts);
  }
  if (c.status) {
    const status = c.status;
    return await conversations
      .withIndex("by_organization_and_status_and_lastMessageAt", (q) =>
        q.eq("organizationId", orgId).eq("status", status),
      )
      .order("desc")
      .filter(filterFor(filters, ["status"]))
      .paginate(paginationOpts);
  }
  if (c.assignee) {
    const assignee = c.assignee;
    return await conversations
      .withIndex("by_organization_and_assignee_and_lastMessageAt", (q) =>
        q.eq("organizationId", orgId).eq("assigneeId", assignee.id),
      )
      .order("desc")
      .filter(filterFor(filters, ["assignee"]))
      .paginate(paginationOpts);
  }
  return await conversations
    .withIndex("by_organization_and_snoozed_and_lastMessageAt", (q) =>
      q.eq("organizationId", orgId).eq("snoozed", c.snoozed),
    )
    .order("desc")
    .filter(filterFor(filters, []))
    .paginate(paginationOpts);
}
