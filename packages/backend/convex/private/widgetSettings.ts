import { adminMutation, operatorQuery } from "../lib/functions";
import { recordAudit } from "../lib/audit";
import { fail } from "../lib/errors";
import { requirePremium } from "../lib/plans";
import { claimUpload, generateOrganizationUploadUrl } from "../lib/uploads";
import { vWidgetSettings, widgetSettingsFor } from "../lib/widgetSettings";

const MAX_SUGGESTIONS = 3;

export const get = operatorQuery({
  args: {},
  handler: async (ctx) => {
    const { orgId } = ctx.operator;
    const settings = await widgetSettingsFor(ctx, orgId);
    return {
      ...settings,
      logoUrl: settings.logoStorageId ? await ctx.storage.getUrl(settings.logoStorageId) : null,
    };
  },
});

export const upsert = adminMutation({
  args: { settings: vWidgetSettings },
  handler: async (ctx, args) => {
    const { operator } = ctx;
    let { settings } = args;
    // The default language's copy is the top-level greeting and suggestions.
    const translations = (settings.translations ?? []).filter(
      (copy) => copy.language !== settings.defaultLanguage,
    );
    if ([settings, ...translations].some((copy) => copy.suggestions.length > MAX_SUGGESTIONS))
      fail("INVALID_INPUT", "At most three suggestions");
    const languages = translations.map((copy) => copy.language);
    if (new Set(languages).size < languages.length)
      fail("INVALID_INPUT", "One greeting per language");
    settings = { ...settings, translations };
    if (settings.voice.enabled) await requirePremium(ctx, operator.orgId);
    const existing = await ctx.db
      .query("widgetSettings")
      .withIndex("by_organization", (q) => q.eq("organizationId", operator.orgId))
      .unique();
    if (settings.logoStorageId && settings.logoStorageId !== existing?.logoStorageId)
      await claimUpload(ctx, operator.orgId, settings.logoStorageId);
    if (existing)
      await ctx.db.replace(existing._id, { organizationId: operator.orgId, ...settings });
    else await ctx.db.insert("widgetSettings", { organizationId: operator.orgId, ...settings });
    await recordAudit(ctx, operator, "widgetSettings.update");
  },
});

/** Logo uploads go through storage like knowledge files. */
export const generateLogoUploadUrl = adminMutation({
  args: {},
  handler: async (ctx) => await generateOrganizationUploadUrl(ctx, ctx.operator.orgId),
});
