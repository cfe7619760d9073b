import type { Doc } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { phoneSearchWords } from "./phoneSearch";
import { followConversationActivity } from "./triage/conversationTags";
import { scheduleTranscriptEmail } from "./email/schedule";
import type { TemplateSend } from "./whatsapp/events";
import { queueWhatsAppReply } from "./whatsapp/outbox";
import type { ReplyLanguage } from "./answers/language";
import type { MessageAuthor } from "./validators";

type Db = Pick<MutationCtx, "db">;

const PREVIEW_CHARS = 280;

/** Contact name, email, phone and latest message: what the inbox search finds a conversation by. */
function searchText(conversation: Doc<"conversations">, latest: string) {
  return [
    conversation.contactName,
    conversation.contactEmail,
    ...phoneSearchWords(conversation.contactPhone),
    latest,
  ].join(" ");
}

/**
 * Every message moves the conversation's clock, preview and the other side's unread count; a
 * visitor's message also brings a snoozed conversation back to the inbox, and sets the language it
 * was clearly written in (`language`), in this commit rather than the turn's. On WhatsApp, an answer
 * (the agent's or an operator's) is also queued to the customer's phone, tied to its thread
 * message (`threadMessageId`) for its delivery status and files.
 */
export async function recordConversationMessage(
  ctx: MutationCtx,
  conversation: Doc<"conversations">,
  {
    text,
    author,
    template,
    threadMessageId,
    language,
  }: {
    text: string;
    author: MessageAuthor;
    template?: TemplateSend;
    threadMessageId?: string;
    language?: ReplyLanguage;
  },
): Promise<void> {
  const preview = text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
  const now = Date.now();
  await followConversationActivity(ctx, conversation, now);
  await ctx.db.patch(conversation._id, {
    lastMessageAt: now,
    ...(author === "contact" && conversation.snoozed
      ? { snoozed: undefined, snoozedUntil: undefined }
      : {}),
    ...(language && language !== conversation.language ? { language } : {}),
    lastMessage: { text: preview, author },
    searchText: searchText(conversation, preview),
    ...(author === "contact"
      ? { unreadByOperator: conversation.unreadByOperator + 1 }
      : { unreadByContact: conversation.unreadByContact + 1 }),
  });
  if (conversation.channel === "whatsapp" && author !== "contact")
    await queueWhatsAppReply(ctx, conversation, text, { author, template, threadMessageId });
}

export async function escalateConversation(
  ctx: Db,
  conversation: Doc<"conversations">,
): Promise<boolean> {
  if (conversation.status !== "unresolved") return false;
  await ctx.db.patch(conversation._id, { status: "escalated", escalatedAt: Date.now() });
  return true;
}

/** Resolving also sends the transcript to a visitor who asked for it. */
export async function resolveConversation(
  ctx: Pick<MutationCtx, "db" | "scheduler">,
  conversation: Doc<"conversations">,
  resolvedBy: "agent" | "operator" | "contact",
): Promise<boolean> {
  if (conversation.status === "resolved") return false;
  await ctx.db.patch(conversation._id, { status: "resolved", resolvedAt: Date.now(), resolvedBy });
  await scheduleTranscriptEmail(ctx, conversation._id);
  return true;
}

/** Operators may also reopen: back to escalated, since a person is now handling it. */
export async function reopenConversation(
  ctx: Db,
  conversation: Doc<"conversations">,
): Promise<void> {
  await ctx.db.patch(conversation._id, {
    status: "escalated",
    escalatedAt: conversation.escalatedAt ?? Date.now(),
    resolvedAt: undefined,
    resolvedBy: undefined,
    resolverId: undefined,
  });
}

/** Hands the conversation back to the agent, with a fresh count of knowledge-base misses. */
export async function returnToAgent(ctx: Db, conversation: Doc<"conversations">): Promise<void> {
  await ctx.db.patch(conversation._id, {
    status: "unresolved",
    resolvedAt: undefined,
    resolvedBy: undefined,
    resolverId: undefined,
    knowledgeMisses: 0,
  });
}
