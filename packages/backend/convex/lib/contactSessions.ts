import { v, type ObjectType } from "convex/values";

import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { checkContactMetadata } from "./contactMetadata";
import { linkSessionToContact, type VerifiedIdentity } from "./contacts/linkSession";
import { fail } from "./errors";
import { requireOrganization } from "./organizations";
import { vContactMetadata } from "./validators";

export const SESSION_DURATION_MS = 24 * 60 * 60 * 1000;
/** Expired sessions stay readable for a week (visitors keep their history), then go. */
export const PURGE_GRACE_MS = 7 * 24 * 60 * 60 * 1000;

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

/** Activity pushes the session's end 24 hours out again. */
export async function slideExpiry(
  ctx: Pick<MutationCtx, "db">,
  session: Doc<"contactSessions">,
): Promise<number> {
  const expiresAt = Date.now() + SESSION_DURATION_MS;
  await ctx.db.patch(session._id, { expiresAt });
  return expiresAt;
}

/** How far a message must have let the session's end come closer before it slides it again. */
const MESSAGE_SLIDE_STEP_MS = 60 * 1000;

/**
 * A visitor's message slides the expiry too, unless it did so less than a minute ago: the session
 * is read by every query of that visitor, so rewriting it on each message of a burst would re-run
 * them all for nothing.
 */
export async function slideExpiryOnMessage(
  ctx: Pick<MutationCtx, "db">,
  session: Doc<"contactSessions">,
): Promise<void> {
  if (session.expiresAt - Date.now() > SESSION_DURATION_MS - MESSAGE_SLIDE_STEP_MS) return;
  await slideExpiry(ctx, session);
}

/** The thread of a conversation, for message lists keyed by thread as the agent's React hooks expect. */
export async function requireContactThread(
  ctx: Pick<QueryCtx, "db">,
  session: Doc<"contactSessions">,
  threadId: string,
): Promise<Doc<"conversations">> {
  const conversation = await ctx.db
    .query("conversations")
    .withIndex("by_thread", (q) => q.eq("threadId", threadId))
    .unique();
  return ownConversation(session, conversation);
}

/** A conversation is reachable only through the session that started it. */
export async function requireContactConversation(
  ctx: Pick<QueryCtx, "db">,
  session: Doc<"contactSessions">,
  conversationId: Id<"conversations">,
): Promise<Doc<"conversations">> {
  return ownConversation(session, await ctx.db.get(conversationId));
}

/** The conversation, when it is the session's own in the session's organization. */
function ownConversation(
  session: Doc<"contactSessions">,
  conversation: Doc<"conversations"> | null,
): Doc<"conversations"> {
  if (
    !conversation ||
    conversation.contactSessionId !== session._id ||
    conversation.organizationId !== session.organizationId
  ) {
    fail("NOT_FOUND", "Conversation not found");
  }
  return conversation;
}

export const vCreateContactSessionArgs = {
  organizationId: v.string(),
  name: v.string(),
  email: v.string(),
  metadata: v.optional(vContactMetadata),
};
type CreateContactSessionArgs = ObjectType<typeof vCreateContactSessionArgs>;

const MAX_NAME = 120;
const MAX_EMAIL = 254;

/** Callers limit creation first (lib/abuse/limits.ts): by client address and organization. */
export async function createContactSession(
  ctx: MutationCtx,
  args: CreateContactSessionArgs & { clientKey?: string; identity?: VerifiedIdentity },
) {
  await requireOrganization(ctx, args.organizationId);
  const name = args.name.trim().slice(0, MAX_NAME);
  const email = args.email.trim().toLowerCase().slice(0, MAX_EMAIL);
  if (!name || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    fail("INVALID_INPUT", "Name and a valid email are required");
  checkContactMetadata(args.metadata);
  const expiresAt = Date.now() + SESSION_DURATION_MS;
  const contactSessionId = await ctx.db.insert("contactSessions", {
    organizationId: args.organizationId,
    name,
    email,
    expiresAt,
    metadata: args.metadata,
    ...(args.clientKey ? { clientKey: args.clientKey } : {}),
  });
  await linkSessionToContact(ctx, (await ctx.db.get(contactSessionId))!, args.identity);
  return { contactSessionId, expiresAt };
}
