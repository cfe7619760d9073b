import type { MutationCtx } from "../../_generated/server";
import type { Language } from "../email/copy";

type SeedResponse = { title: string; shortcut: string; body: string; language: Language };

export const SEED_CANNED_RESPONSES: SeedResponse[] = [
  {
    title: "Greeting",
    shortcut: "hi",
    body: "Hi {{contact.name}}, this is {{operator.name}} from {{organization.name}}. How can I help?",
    language: "en",
  },
  {
    title: "Refund on its way",
    shortcut: "refund",
    body: "Hi {{contact.name}}, your refund is on its way: it reaches your card in 5 to 10 business days. We will confirm at {{contact.email}}.",
    language: "en",
  },
  {
    title: "Closing",
    shortcut: "bye",
    body: "Thanks for writing to {{organization.name}}, {{contact.name}}. Anything else, just reply here.",
    language: "en",
  },
  {
    title: "Saudação",
    shortcut: "hi",
    body: "Olá, {{contact.name}}! Aqui é {{operator.name}}, da {{organization.name}}. Como posso ajudar?",
    language: "pt-BR",
  },
  {
    title: "Reembolso a caminho",
    shortcut: "refund",
    body: "Olá, {{contact.name}}! Seu reembolso está a caminho: ele chega ao seu cartão em 5 a 10 dias úteis. Vamos confirmar em {{contact.email}}.",
    language: "pt-BR",
  },
  {
    title: "Encerramento",
    shortcut: "bye",
    body: "Obrigado por falar com a {{organization.name}}, {{contact.name}}. Se precisar de algo mais, é só responder aqui.",
    language: "pt-BR",
  },
];

/** The demo library, only for an organization without one: an admin's edits are never undone. */
export async function seedCannedResponses(ctx: Pick<MutationCtx, "db">, organizationId: string) {
  const existing = await ctx.db
    .query("cannedResponses")
    .withIndex("by_organization_and_shortcut", (q) => q.eq("organizationId", organizationId))
    .first();
  if (existing) return;
  for (const response of SEED_CANNED_RESPONSES)
    await ctx.db.insert("cannedResponses", { organizationId, ...response });
}
