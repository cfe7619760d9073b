import { defineTable } from "convex/server";
import { v } from "convex/values";

import { vLanguage } from "../validators";

/** The organization's reply library: each response in one language, inserted by its `/shortcut`. */
export const cannedResponsesTables = {
  cannedResponses: defineTable({
    organizationId: v.string(),
    title: v.string(),
    /** Without the slash, lower case: `refund` is typed as `/refund`. */
    shortcut: v.string(),
    body: v.string(),
    language: vLanguage,
  }).index("by_organization_and_shortcut", ["organizationId", "shortcut"]),
};
