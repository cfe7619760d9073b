import type { Id } from "../../_generated/dataModel";
import type { QueryCtx } from "../../_generated/server";
import { fail } from "../errors";
import type { Language } from "../email/copy";
import { MAX_MESSAGE_CHARS } from "../validators";

export const CANNED_TITLE_MAX = 80;
export const CANNED_SHORTCUT_PATTERN = /^[a-z0-9][a-z0-9_-]{0,31}$/;
export const CANNED_RESPONSES_PER_ORGANIZATION_MAX = 300;

/** A response's fields as stored: trimmed, the shortcut lower case without its slash. */
export function cleanCannedFields(fields: { title: string; shortcut: string; body: string }) {
  const title = fields.title.trim().replace(/\s+/g, " ");
  const shortcut = fields.shortcut.trim().replace(/^\//, "").toLowerCase();
  const body = fields.body.trim();
  if (!title || title.length > CANNED_TITLE_MAX)
    fail("INVALID_INPUT", `A title is 1 to ${CANNED_TITLE_MAX} characters`);
  if (!CANNED_SHORTCUT_PATTERN.test(shortcut))
    fail("INVALID_INPUT", "A shortcut is 1 to 32 letters, digits, - or _");
  if (!body || body.length > MAX_MESSAGE_CHARS)
    fail("INVALID_INPUT", "A response's text is empty or too long");
  return { title, shortcut, body };
}

/** One shortcut per language in an organization; returns how many responses it has. */
export async function requireFreeShortcut(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
  shortcut: string,
  language: Language,
  except?: Id<"cannedResponses">,
) {
  const taken = await ctx.db
    .query("cannedResponses")
    .withIndex("by_organization_and_shortcut", (q) =>
      q.eq("organizationId", organizationId).eq("shortcut", shortcut),
    )
    .collect();
  if (taken.some((row) => row._id !== except && row.language === language))
    fail("INVALID_INPUT", "That shortcut is already used in this language");
}

export async function requireOrgCannedResponse(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
  cannedResponseId: Id<"cannedResponses">,
) {
  const row = await ctx.db.get(cannedResponseId);
  if (!row || row.organizationId !== organizationId) fail("NOT_FOUND", "Canned response not found");
  return row;
}
