import { operatorQuery } from "../lib/functions";
import { findUser } from "../lib/members";

/**
 * The operator's organization's members as the identity provider reported them (the assignee
 * choices), owners first, then by name.
 */
export const list = operatorQuery({
  args: {},
  handler: async (ctx) => {
    const { operator } = ctx;
    const members = await ctx.db
      .query("members")
      .withIndex("by_organization_and_user", (q) => q.eq("organizationId", operator.orgId))
      .take(500);
    const listed = await Promise.all(
      members.map(async (member) => {
        const user = await findUser(ctx, member.userId);
        // The caller's token names them before the provider's user event has arrived.
        const self = member.userId === operator.userId ? operator : undefined;
        return {
          userId: member.userId,
          role: member.role,
          name: user?.name ?? self?.name ?? self?.email ?? member.userId,
          email: user?.email ?? self?.email ?? null,
          imageUrl: user?.imageUrl ?? null,
        };
      }),
    );
    const rank = { owner: 0, admin: 1, member: 2 } as const;
    return listed.sort((a, b) => rank[a.role] - rank[b.role] || a.name.localeCompare(b.name));
  },
});
