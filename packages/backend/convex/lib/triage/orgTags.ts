import type { Doc, Id } from "../../_generated/dataModel";
import type { QueryCtx } from "../../_generated/server";
import { fail } from "../errors";
import type { Operator } from "../identity";

/** A tag exists for an operator only inside their own organization. */
export async function requireOrgTag(
  ctx: Pick<QueryCtx, "db">,
  operator: Operator,
  tagId: Id<"tags">,
): Promise<Doc<"tags">> {
  const tag = await ctx.db.get(tagId);
  if (!tag || tag.organizationId !== operator.orgId) fail("NOT_FOUND", "Tag not found");
  return tag;
}
