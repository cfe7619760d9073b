import type { Infer } from "convex/values";
import { v } from "convex/values";

import type { QueryCtx } from "../_generated/server";
import { vWidgetSettingsFields } from "./validators";
import { BUILT_IN_COPY } from "./widgetCopy";

export const vWidgetSettings = v.object(vWidgetSettingsFields);
export type WidgetSettings = Infer<typeof vWidgetSettings>;

export const DEFAULT_WIDGET_SETTINGS: WidgetSettings = {
  ...BUILT_IN_COPY.en,
  translations: [{ language: "pt-BR", ...BUILT_IN_COPY["pt-BR"] }],
  colors: { primary: "#2563eb", background: "#ffffff", text: "#0f172a" },
  position: "bottom-right",
  defaultLanguage: "en",
  voice: { enabled: false },
};

export async function widgetSettingsFor(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
): Promise<WidgetSettings> {
  const row = await ctx.db
    .query("widgetSettings")
    .withIndex("by_organization", (q) => q.eq("organizationId", organizationId))
    .unique();
  if (!row) return DEFAULT_WIDGET_SETTINGS;
  const {
    _id: _ignoredId,
    _creationTime: _ignoredTime,
    organizationId: _ignoredOrg,
    ...settings
  } = row;
  return settings;
}
