import { afterEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import {
  addMember,
  createOrganization,
  newTest,
  operator,
  startConversation,
} from "../test.harness";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("private.organization and private.auditLog", () => {
  test("current describes the operator's organization, role, plan and assistant mode", async () => {
    const t = newTest();
    await createOrganization(t, "org_a", "Acme");
    const member = operator(t, "org_a", "org:member", "user_1");
    expect(await member.query(api.private.organization.current, {})).toEqual({
      organizationId: "org_a",
      name: "Acme",
      plan: "free",
      premium: true,
      billingEnforced: false,
      role: "member",
      userId: "user_1",
      assistantMode: "retrieval",
      allowedDomains: [],
      agentInstructions: null,
    });
    vi.stubEnv("ECHO_BILLING", "clerk");
    expect(await member.query(api.private.organization.current, {})).toMatchObject({
      premium: false,
      billingEnforced: true,
    });
  });

  test("admins set embedding domains and agent guidance; the widget and agent see them", async () => {
    const t = newTest();
    await createOrganization(t, "org_a", "Acme");
    const admin = operator(t, "org_a", "admin");
    await admin.mutation(api.private.organization.updateSettings, {
      allowedDomains: [" Shop.Example.com ", "*.acme.test", "shop.example.com"],
      agentInstructions: "Always mention our 24/7 phone line.",
    });
    expect(await t.query(api.public.organizations.validate, { organizationId: "org_a" })).toEqual({
      valid: true,
      name: "Acme",
      allowedDomains: ["shop.example.com", "*.acme.test"],
    });
    await expect(
      admin.mutation(api.private.organization.updateSettings, {
        allowedDomains: ["https://bad/path"],
      }),
    ).rejects.toThrow(/Invalid domain/);
    await expect(
      operator(t, "org_a", "member").mutation(api.private.organization.updateSettings, {
        allowedDomains: [],
      }),
    ).rejects.toThrow(/Admins only/);
  });

  test("the audit log lists the organization's operator actions, newest first, to admins only", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await addMember(t, "org_a", "u");
    const ids = await startConversation(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    await admin.mutation(api.private.conversations.assign, {
      conversationId: ids.conversationId,
      assigneeId: "u",
    });
    await admin.mutation(api.private.messages.reply, {
      conversationId: ids.conversationId,
      text: "Hello",
    });
    const log = await admin.query(api.private.auditLog.list, {
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(log.page.map((e) => e.action)).toEqual(["conversation.reply", "conversation.assign"]);
    expect(log.page[0]).toMatchObject({ actorId: "user_org_a_admin", target: ids.conversationId });
    await expect(
      operator(t, "org_b", "admin").query(api.private.auditLog.list, {
        paginationOpts: { numItems: 10, cursor: null },
      }),
    ).resolves.toMatchObject({ page: [] });
    await expect(
      operator(t, "org_a", "member").query(api.private.auditLog.list, {
        paginationOpts: { numItems: 10, cursor: null },
      }),
    ).rejects.toThrow(/Admins only/);
  });
});
