import { operatorQuery } from "../lib/functions";

/** Newest sessions read: enough to name the sites the widget runs on, bounded however old the org. */
const RECENT_SESSIONS = 500;

/** The host (name and port) of a web page's address, or null for anything that is not a web page. */
function siteOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, host } = new URL(url);
    return protocol === "http:" || protocol === "https:" ? host : null;
  } catch {
    return null;
  }
}

/**
 * Where the widget has been seen: each site a visitor started a chat from (as the embed reported
 * the host page), with when that last happened and how many of the recent sessions came from it,
 * most recently seen first. Empty until a visitor opens the widget on a page.
 */
export const list = operatorQuery({
  args: {},
  handler: async (ctx) => {
    const sessions = await ctx.db
      .query("contactSessions")
      .withIndex("by_organization", (q) => q.eq("organizationId", ctx.operator.orgId))
      .order("desc")
      .take(RECENT_SESSIONS);
    const sites = new Map<string, { site: string; lastSeenAt: number; sessions: number }>();
    for (const session of sessions) {
      const site = siteOf(session.metadata?.currentUrl);
      if (!site) continue;
      const seen = sites.get(site) ?? { site, lastSeenAt: session._creationTime, sessions: 0 };
      seen.sessions++;
      seen.lastSeenAt = Math.max(seen.lastSeenAt, session._creationTime);
      sites.set(site, seen);
    }
    return [...sites.values()].sort((a, b) => b.lastSeenAt - a.lastSeenAt);
  },
});
