import type { TeamAvailability } from "../answers/teamAvailability";

/** What the agent's tools return; both a real model and the retrieval responder read these. */

export const TOOL_NAMES = {
  search: "searchKnowledge",
  escalate: "escalateConversation",
  resolve: "resolveConversation",
} as const;

/**
 * One retrieved chunk: its file, its "file › section" path, its text and its similarity, and where
 * a visitor can read that section (a public, read-only page).
 */
export type Passage = {
  source: string;
  section?: string;
  text: string;
  score: number;
  fileId?: string;
  url?: string;
};

export type KnowledgeSearchOutput = {
  found: boolean;
  passages: Passage[];
  sources: string[];
  /** Searches in a row that found nothing; at 2 the visitor is handed to a person. */
  consecutiveMisses: number;
};

export type EscalationReason = "visitor_request" | "knowledge_gap" | "other";

/** `team` says whether people are in now and how fast they reply, for the acknowledgement. */
export type EscalateOutput = {
  escalated: boolean;
  reason: EscalationReason;
  team?: TeamAvailability;
};
export type ResolveOutput = { resolved: boolean };

export const MISSES_BEFORE_ESCALATION = 2;
