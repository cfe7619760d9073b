import { v } from "convex/values";

import { internal } from "../_generated/api";
import { internalAction, internalMutation } from "../_generated/server";
import { SEED_DOCUMENTS } from "../lib/seed/seedDocuments";
import { DEFAULT_WIDGET_SETTINGS } from "../lib/widgetSettings";
import { indexDocument } from "../lib/knowledge/indexDocument";
import { seedCannedResponses } from "../lib/seed/cannedResponses";
import { seedContactFields } from "../lib/seed/contactFields";

const DEMO_ORGANIZATION_ID = "org_demo";

/**
 * Idempotent: creates the demo organization, its settings and knowledge files only where missing,
 * and indexes only the documents not already ready. Run with `npx convex run system/seed:seed`.
 */
export const seed = internalMutation({
  args: { organizationId: v.optional(v.string()), name: v.optional(v.string()) },
  handler: async (ctx, args) => {
    const organizationId = args.organizationId ?? DEMO_ORGANIZATION_ID;
    const existing = await ctx.db
      .query("organizations")
      .withIndex("by_externalId", (q) => q.eq("externalId", organizationId))
      .unique();
    if (!existing) {
      await ctx.db.insert("organizations", {
        externalId: organizationId,
        name: args.name ?? "Nimbus (demo)",
        slug: "nimbus-demo",
        plan: "pro",
      });
    }
    const settings = await ctx.db
      .query("organizationSettings")
      .withIndex("by_organization", (q) => q.eq("organizationId", organizationId))
      .unique();
    if (!settings)
      await ctx.db.insert("organizationSettings", { organizationId, allowedDomains: [] });
    const widget = await ctx.db
      .query("widgetSettings")
      .withIndex("by_organization", (q) => q.eq("organizationId", organizationId))
      .unique();
    if (!widget) {
      await ctx.db.insert("widgetSettings", {
        organizationId,
        ...DEFAULT_WIDGET_SETTINGS,
        greeting: "Hi! I'm Echo, Nimbus's assistant. How can I help?",
        suggestions: [
          "How do I reset my password?",
          "What does the Pro plan cost?",
          "Como peço reembolso?",
        ],
        translations: [
          {
            language: "pt-BR",
            greeting: "Olá! Sou o Echo, assistente da Nimbus. Como posso ajudar?",
            suggestions: ["Como peço reembolso?"],
          },
        ],
      });
    }
    await seedCannedResponses(ctx, organizationId);
    await seedContactFields(ctx, organizationId);
    const pending = [];
    for (const document of SEED_DOCUMENTS) {
      const file = await ctx.db
        .query("knowledgeFiles")
        .withIndex("by_organization_and_seedKey", (q) =>
          q.eq("organizationId", organizationId).eq("seedKey", document.key),
        )
        .unique();
      const fileId =
        file?._id ??
        (await ctx.db.insert("knowledgeFiles", {
          organizationId,
          name: document.name,
          mimeType: "text/markdown",
          size: new TextEncoder().encode(document.text).length,
          status: "processing",
          uploadedBy: "seed",
          seedKey: document.key,
        }));
      if (file?.status !== "ready") pending.push(fileId);
    }
    if (pending.length > 0) {
      await ctx.scheduler.runAfter(0, internal.system.seed.indexDocuments, {
        organizationId,
        fileIds: pending,
      });
    }
    // Every start runs the seed: files indexed by an older ingestion are indexed again.
    await ctx.scheduler.runAfter(0, internal.system.knowledge.reingest.reingestOutdated, {});
    await ctx.scheduler.runAfter(0, internal.system.contactBackfill.conversationContacts, {});
    return { organizationId, indexing: pending.length };
  },
});

export const indexDocuments = internalAction({
  args: { organizationId: v.string(), fileIds: v.array(v.id("knowledgeFiles")) },
  handler: async (ctx, { organizationId, fileIds }) => {
    for (const fileId of fileIds) {
      const file = await ctx.runQuery(internal.system.knowledge.files.get, { fileId });
      const document = SEED_DOCUMENTS.find((d) => d.key === file?.seedKey);
      if (file && document) {
        await indexDocument(ctx, {
          organizationId,
          fileId,
          name: document.name,
          text: document.text,
        });
      }
    }
  },
});
