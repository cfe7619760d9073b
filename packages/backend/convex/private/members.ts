import { operatorQuery } from "../lib/functions";
import { findUser } from "../lib/members";

/**
 * The operator's organization's members as the identity provider reported them (the assignee
 * choices), owners first, then by name. The caller is always listed, even before the provider's
 * membership event has arrived.
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
        return {
          userId: member.userId,
          role: member.role,
          name: user?.name ?? member.userId,
          email: user?.email ?? null,
          imageUrl: user?.imageUrl ?? null,
        };
      }),
    );
    if (!listed.some((member) => member.userId === operator.userId)) {
      listed.push({
        userId: operator.userId,
        role: operator.role,
        name: operator.name ?? operator.email ?? operator.userId,
        email: operator.email ?? null,
        imageUrl: null,
      });
    }
    const rank = { owner: 0, admin: 1, member: 2 } as const;
    return listed.sort((a, b) => rank[a.role] - rank[b.role] || a.name.localeCompare(b.name));
  },
});
