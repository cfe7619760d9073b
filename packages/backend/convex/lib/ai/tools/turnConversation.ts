import type { Doc } from "../../../_generated/dataModel";

/**
 * The conversation a turn answers on, read when the turn began (system/ai/beginTurn); a tool that
 * changes a field later tools read (the knowledge-base miss count) updates it here too.
 */
export type TurnConversation = { current: Doc<"conversations"> };
