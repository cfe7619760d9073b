import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { fail } from "./errors";

export const SESSION_DURATION_MS = 24 * 60 * 60 * 1000;

type SessionCheck = {
  contactSessionId: Id<"contactSessions">;
  /** Reading one's own history is allowed until the purge removes an expired session. */
  allowExpired?: boolean;
};

/** The contact session is the widget's only capability: it must exist and be unexpired. */
export async function requireContactSession(
  ctx: Pick<QueryCtx, "db">,
  { contactSessionId, allowExpired = false }: SessionCheck,
): Promise<Doc<"contactSessions">> {
  const session = await ctx.db.get(contactSessionId);
  if (!session) fail("SESSION_EXPIRED", "Unknown contact session");
  if (!allowExpired && session.expiresAt <= Date.now()) {
    fail("SESSION_EXPIRED", "Contact session expired");
  }
  return session;
}

/** A conversation is reachable only through the session that started it. */
export async function requireContactConversation(
  ctx: Pick<QueryCtx, "db">,
  args: SessionCheck & { conversationId: Id<"conversations"> },
): Promise<{ session: Doc<"contactSessions">; conversation: Doc<"conversations"> }> {
  const session = await requireContactSession(ctx, args);
  const conversation = await ctx.db.get(args.conversationId);
  if (
    !conversation ||
    conversation.contactSessionId !== session._id ||
    conversation.organizationId !== session.organizationId
  ) {
    fail("NOT_FOUND", "Conversation not found");
  }
  return { session, conversation };
}
