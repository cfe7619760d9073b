import type { ObjectType } from "convex/values";

import type { QueryCtx } from "../../_generated/server";
import { fail } from "../errors";
import {
  checkCustomFields,
  normalizeEmails,
  normalizePhones,
  normalizeTags,
  normalizeText,
} from "./normalize";
import type { ContactFields } from "./records";
import { type vContactInput } from "./validators";

export type ContactInput = ObjectType<typeof vContactInput>;

/** The organization's custom field definitions. */
export async function fieldDefinitions(ctx: Pick<QueryCtx, "db">, organizationId: string) {
  return await ctx.db
    .query("contactFields")
    .withIndex("by_organization_and_key", (q) => q.eq("organizationId", organizationId))
    .collect();
}

/** Every write's check: emails, phones (E.164), tags and custom fields of their defined types. */
export async function normalizeInput(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
  input: ContactInput,
): Promise<Partial<ContactFields>> {
  const out: Partial<ContactFields> = {};
  if (input.name !== undefined) {
    const name = normalizeText(input.name);
    if (!name) fail("INVALID_INPUT", "A contact needs a name");
    out.name = name;
  }
  if (input.emails) out.emails = normalizeEmails(input.emails);
  if (input.phones) out.phones = normalizePhones(input.phones);
  if (input.tags) out.tags = normalizeTags(input.tags);
  for (const key of ["company", "avatarUrl", "language", "location"] as const) {
    if (input[key] !== undefined) out[key] = normalizeText(input[key]);
  }
  if (input.stage) out.stage = input.stage;
  if (input.customFields)
    out.customFields = checkCustomFields(
      await fieldDefinitions(ctx, organizationId),
      input.customFields,
    );
  return out;
}
