import type { Id } from "../../_generated/dataModel";
import type { QueryCtx } from "../../_generated/server";

/** The message a gateway id names on one connection (the replay guard and status updates read it). */
export async function providerRow(
  ctx: Pick<QueryCtx, "db">,
  connectionId: Id<"whatsappConnections">,
  providerMessageId: string,
) {
  return await ctx.db
    .query("whatsappMessages")
    .withIndex("by_connection_and_providerMessageId", (q) =>
      q.eq("connectionId", connectionId).eq("providerMessageId", providerMessageId),
    )
    .first();
}
