import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../../_generated/api";
import {
  createOrganization,
  newTest,
  operator,
  startConversation,
  type TestConvex,
} from "../../test.harness";

// Users and memberships reach the backend as the identity provider's signed events, in Clerk's
// payload shapes (the self-hosted provider sends the same shapes).

const SECRET = `whsec_${btoa("a-test-secret-of-32-bytes-length")}`;

beforeEach(() => {
  vi.stubEnv("IDENTITY_WEBHOOK_SECRET", SECRET);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

let sequence = 0;
async function deliver(t: TestConvex, type: string, data: object, eventId = `evt_${++sequence}`) {
  const body = JSON.stringify({ type, data, object: "event" });
  const timestamp = new Date();
  const response = await t.fetch("/webhooks/identity", {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      "svix-id": eventId,
      "svix-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      "svix-signature": new Webhook(SECRET).sign(eventId, timestamp, body),
    },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { duplicate: boolean };
}

const clerkUser = (id: string, first: string, last: string, email: string) => ({
  id,
  object: "user",
  first_name: first,
  last_name: last,
  image_url: `https://img.example/${id}.png`,
  primary_email_address_id: `idn_${id}_2`,
  email_addresses: [
    { id: `idn_${id}_1`, email_address: `old-${email}` },
    { id: `idn_${id}_2`, email_address: email },
  ],
});

const membership = (id: string, orgId: string, userId: string, role: string, first = "") => ({
  id,
  object: "organization_membership",
  role,
  organization: { id: orgId, name: `Org ${orgId}`, slug: orgId },
  public_user_data: {
    user_id: userId,
    first_name: first,
    last_name: null,
    identifier: `${userId}@example.com`,
    image_url: "",
  },
});

describe("identity webhook: users and memberships", () => {
  test("users and memberships are synced, listed for the organization, and removed", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await createOrganization(t, "org_b");
    await deliver(t, "user.created", clerkUser("user_ana", "Ana", "Lima", "ana@acme.example"));
    await deliver(
      t,
      "organizationMembership.created",
      membership("m1", "org_a", "user_ana", "org:admin"),
    );
    // A membership may arrive before its user: its public data names the member meanwhile.
    await deliver(
      t,
      "organizationMembership.created",
      membership("m2", "org_a", "user_bo", "org:member", "Bo"),
    );
    await deliver(
      t,
      "organizationMembership.created",
      membership("m3", "org_b", "user_cy", "org:member"),
    );

    const me = operator(t, "org_a", "owner", "user_owner");
    expect(await me.query(api.private.members.list, {})).toEqual([
      {
        userId: "user_owner",
        role: "owner",
        name: "Operator user_owner",
        email: null,
        imageUrl: null,
      },
      {
        userId: "user_ana",
        role: "admin",
        name: "Ana Lima",
        email: "ana@acme.example",
        imageUrl: "https://img.example/user_ana.png",
      },
      {
        userId: "user_bo",
        role: "member",
        name: "Bo",
        email: "user_bo@example.com",
        imageUrl: null,
      },
    ]);

    await deliver(t, "user.updated", clerkUser("user_bo", "Bo", "Reis", "bo@acme.example"));
    await deliver(
      t,
      "organizationMembership.updated",
      membership("m2", "org_a", "user_bo", "org:admin"),
    );
    const bo = (await me.query(api.private.members.list, {})).find((m) => m.userId === "user_bo");
    expect(bo).toMatchObject({ name: "Bo Reis", email: "bo@acme.example", role: "admin" });

    // Organization B's members are B's alone.
    const other = operator(t, "org_b", "member", "user_cy");
    expect((await other.query(api.private.members.list, {})).map((m) => m.userId)).toEqual([
      "user_cy",
    ]);

    await deliver(
      t,
      "organizationMembership.deleted",
      membership("m2", "org_a", "user_bo", "org:admin"),
    );
    await deliver(t, "user.deleted", { id: "user_ana", object: "user", deleted: true });
    expect((await me.query(api.private.members.list, {})).map((m) => m.userId)).toEqual([
      "user_owner",
    ]);
  });

  test("a replayed membership event has no second effect, and an unknown role gets member access", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const event = membership("m1", "org_a", "user_ana", "org:support_lead");
    expect(await deliver(t, "organizationMembership.created", event, "evt_same")).toEqual({
      received: true,
      duplicate: false,
    });
    await deliver(t, "organizationMembership.deleted", event);
    expect(await deliver(t, "organizationMembership.created", event, "evt_same")).toEqual({
      received: true,
      duplicate: true,
    });
    const members = await operator(t, "org_a", "owner", "user_owner").query(
      api.private.members.list,
      {},
    );
    expect(members.map((m) => m.userId)).toEqual(["user_owner"]);

    await deliver(
      t,
      "organizationMembership.created",
      membership("m9", "org_a", "user_dee", "org:support_lead"),
    );
    const dee = (
      await operator(t, "org_a", "owner", "user_owner").query(api.private.members.list, {})
    ).find((m) => m.userId === "user_dee");
    expect(dee?.role).toBe("member");
  });

  test("conversations go only to members; a removed member's conversations return unassigned", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await createOrganization(t, "org_b");
    await deliver(
      t,
      "organizationMembership.created",
      membership("m1", "org_a", "user_ana", "org:member"),
    );
    await deliver(
      t,
      "organizationMembership.created",
      membership("m2", "org_b", "user_cy", "org:member"),
    );
    const { conversationId } = await startConversation(t, "org_a");
    const me = operator(t, "org_a", "admin", "user_me");

    // Anyone may take a conversation; giving it away needs the other to be a member.
    await me.mutation(api.private.conversations.assign, { conversationId, assigneeId: "user_me" });
    await me.mutation(api.private.conversations.assign, { conversationId, assigneeId: "user_ana" });
    for (const stranger of ["user_cy", "user_nobody"]) {
      const refused = await me
        .mutation(api.private.conversations.assign, { conversationId, assigneeId: stranger })
        .catch((error: { data?: { code?: string } }) => error);
      expect((refused as { data?: { code?: string } }).data?.code).toBe("NOT_FOUND");
    }
    const assignee = async () =>
      (await me.query(api.private.conversations.get, { conversationId })).assigneeId;
    expect(await assignee()).toBe("user_ana");

    await deliver(
      t,
      "organizationMembership.deleted",
      membership("m1", "org_a", "user_ana", "org:member"),
    );
    expect(await assignee()).toBeUndefined();
  });

  test("deleting an organization removes its memberships", async () => {
    const t = newTest();
    await deliver(t, "organization.created", { id: "org_x", name: "X", slug: "x" });
    await deliver(
      t,
      "organizationMembership.created",
      membership("m1", "org_x", "user_ana", "org:admin"),
    );
    await deliver(t, "organization.deleted", { id: "org_x", deleted: true });
    const left = await t.run(async (ctx) => await ctx.db.query("members").collect());
    expect(left).toEqual([]);
  });

  test("a demoted or removed member's next call is refused, whatever their token still says", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await deliver(
      t,
      "organizationMembership.created",
      membership("m1", "org_a", "user_ana", "org:admin"),
    );
    // Ana's token was issued while she was an admin, and is still valid.
    const ana = t.withIdentity({ subject: "user_ana", org_id: "org_a", org_role: "org:admin" });
    const codeOf = (error: unknown) => (error as { data?: { code?: string } }).data?.code;
    await ana.query(api.private.auditLog.list, { paginationOpts: { numItems: 5, cursor: null } });

    await deliver(
      t,
      "organizationMembership.updated",
      membership("m1", "org_a", "user_ana", "org:member"),
    );
    const demoted = await ana
      .query(api.private.auditLog.list, { paginationOpts: { numItems: 5, cursor: null } })
      .catch(codeOf);
    expect(demoted).toBe("UNAUTHORIZED");
    expect((await ana.query(api.private.organization.current, {})).role).toBe("member");

    await deliver(
      t,
      "organizationMembership.deleted",
      membership("m1", "org_a", "user_ana", "org:member"),
    );
    expect(await ana.query(api.private.organization.current, {}).catch(codeOf)).toBe(
      "UNAUTHORIZED",
    );
    const { conversationId } = await startConversation(t, "org_a");
    expect(
      await ana
        .mutation(api.private.messages.reply, { conversationId, text: "Still here?" })
        .catch(codeOf),
    ).toBe("UNAUTHORIZED");
  });
});
