import type {
  GenericTableInfo,
  IndexRange,
  OrderedQuery,
  PaginationOptions,
  PaginationResult,
} from "convex/server";
import { v, type Infer } from "convex/values";

import type { Doc } from "../../_generated/dataModel";
import type { QueryCtx } from "../../_generated/server";
import {
  lastSeenRange,
  matchesSegment,
  vSegmentFilters,
  type SegmentFilters,
} from "./segmentFilters";
import { vContactChannel, vContactStage } from "./validators";

export const vContactSort = v.union(v.literal("lastSeen"), v.literal("name"), v.literal("created"));
export type ContactSort = Infer<typeof vContactSort>;
type Order = "asc" | "desc";

/** The arguments the list and the CSV export share: the table's filters or a segment's. */
export const vSelectionArgs = {
  stage: v.optional(vContactStage),
  channel: v.optional(vContactChannel),
  tag: v.optional(v.string()),
  tags: vSegmentFilters.fields.tags,
  customField: vSegmentFilters.fields.customField,
  lastSeenFrom: vSegmentFilters.fields.lastSeenFrom,
  lastSeenTo: vSegmentFilters.fields.lastSeenTo,
  lastSeen: vSegmentFilters.fields.lastSeen,
};
type SelectionArgs = SegmentFilters & { tag?: string };

/** The filters with the single `tag` folded into `tags`, normalized as the tag rows store them. */
export function segmentOf({ tag, ...rest }: SelectionArgs): SegmentFilters {
  const tags = [...(tag ? [tag] : []), ...(rest.tags ?? [])]
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  return { ...rest, tags };
}

/** A page (list) or the first `take` contacts (export) of a selection. */
export type SelectionRead = { paginate: PaginationOptions } | { take: number };

async function readQuery<T extends GenericTableInfo>(
  query: OrderedQuery<T>,
  read: SelectionRead,
): Promise<PaginationResult<T["document"]>> {
  if ("paginate" in read) return await query.paginate(read.paginate);
  return { page: await query.take(read.take), isDone: true, continueCursor: "" };
}

type Range = { from?: number; to?: number };
/** An index range builder whose next field is lastSeenAt. */
type LastSeenRangeBuilder = IndexRange & {
  gte(
    field: "lastSeenAt",
    value: number,
  ): IndexRange & {
    lte(field: "lastSeenAt", value: number): IndexRange;
  };
  lte(field: "lastSeenAt", value: number): IndexRange;
};

/** `scoped` narrowed to the last-seen range. */
function withinRange(scoped: LastSeenRangeBuilder, { from, to }: Range): IndexRange {
  if (from !== undefined && to !== undefined)
    return scoped.gte("lastSeenAt", from).lte("lastSeenAt", to);
  if (from !== undefined) return scoped.gte("lastSeenAt", from);
  if (to !== undefined) return scoped.lte("lastSeenAt", to);
  return scoped;
}

/**
 * An organization's contacts in the sort asked for. The narrowest index that serves the sort is
 * read (a tag's rows, a stage or channel, the last-seen range); every other filter is checked on
 * what was read, so a page reads at most `numItems` contacts and may return fewer.
 */
export async function readSelection(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
  filters: SegmentFilters,
  sort: ContactSort,
  order: Order,
  read: SelectionRead,
): Promise<PaginationResult<Doc<"contacts">>> {
  const now = Date.now();
  const keep = (contact: Doc<"contacts"> | null): contact is Doc<"contacts"> =>
    !!contact && contact.organizationId === organizationId && matchesSegment(contact, filters, now);
  const contacts = ctx.db.query("contacts");
  if (sort === "name" || sort === "created") {
    const query =
      sort === "name"
        ? contacts.withIndex("by_organization_and_name", (q) =>
            q.eq("organizationId", organizationId),
          )
        : contacts.withIndex("by_organization", (q) => q.eq("organizationId", organizationId));
    const result = await readQuery(query.order(order), read);
    return { ...result, page: result.page.filter(keep) };
  }
  const range = lastSeenRange(filters, now);
  const tag = filters.tags?.[0];
  if (tag) {
    const result = await readQuery(
      ctx.db
        .query("contactTags")
        .withIndex("by_organization_and_tag_and_lastSeenAt", (q) =>
          withinRange(q.eq("organizationId", organizationId).eq("tag", tag), range),
        )
        .order(order),
      read,
    );
    const page = await Promise.all(result.page.map((row) => ctx.db.get(row.contactId)));
    return { ...result, page: page.filter(keep) };
  }
  const { stage, channel } = filters;
  const indexed = stage
    ? contacts.withIndex("by_organization_and_stage_and_lastSeenAt", (q) =>
        withinRange(q.eq("organizationId", organizationId).eq("stage", stage), range),
      )
    : channel
      ? contacts.withIndex("by_organization_and_channel_and_lastSeenAt", (q) =>
          withinRange(q.eq("organizationId", organizationId).eq("channel", channel), range),
        )
      : contacts.withIndex("by_organization_and_lastSeenAt", (q) =>
          withinRange(q.eq("organizationId", organizationId), range),
        );
  const result = await readQuery(indexed.order(order), read);
  return { ...result, page: result.page.filter(keep) };
}
