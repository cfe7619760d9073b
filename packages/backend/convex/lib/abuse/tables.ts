import { defineTable } from "convex/server";
import { v } from "convex/values";

/** Tables behind the proof-of-work and the per-organization AI budgets. */
export const abuseTables = {
  /** The HMAC key that signs proof-of-work challenges when ECHO_POW_HMAC_KEY is not set. */
  powSecrets: defineTable({ secret: v.string() }),

  /** Challenges already spent on a session, kept until they expire so a replay is refused. */
  powRedemptions: defineTable({ signature: v.string(), expiresAt: v.number() })
    .index("by_signature", ["signature"])
    .index("by_expiresAt", ["expiresAt"]),

  /** An organization's own daily AI limits; without a row the defaults apply. */
  aiBudgets: defineTable({
    organizationId: v.string(),
    agentTurnsPerDay: v.number(),
    modelTokensPerDay: v.number(),
  }).index("by_organization", ["organizationId"]),

  /** AI spent per organization and UTC day (YYYY-MM-DD). */
  aiUsage: defineTable({
    organizationId: v.string(),
    day: v.string(),
    agentTurns: v.number(),
    modelTokens: v.number(),
    /** When the budget ran out today, the first time a visitor was told. */
    spentAt: v.optional(v.number()),
  }).index("by_organization_and_day", ["organizationId", "day"]),
};
