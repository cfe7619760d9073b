import { expect, test } from "vitest";

import { api, internal } from "../_generated/api";
import { createOrganization, newTest, operator, startConversation } from "../test.harness";

test("lists the organization's escalations, the member's assignments and the unread among them", async () => {
  const t = newTest();
  await createOrganization(t, "org_a");
  await createOrganization(t, "org_b");
  const ana = operator(t, "org_a", "member", "user_ana");
  const bia = operator(t, "org_a", "member", "user_bia");
  const other = operator(t, "org_b", "admin");

  const escalated = await startConversation(t, "org_a");
  await t.mutation(api.public.messages.send, { ...escalated, text: "A person, please" });
  await t.mutation(internal.system.conversations.escalate, {
    conversationId: escalated.conversationId,
  });
  const mine = await startConversation(t, "org_a");
  await ana.mutation(api.private.conversations.assign, {
    conversationId: mine.conversationId,
    assigneeId: "user_ana",
  });
  await t.mutation(api.public.messages.send, { ...mine, text: "Still there?" });
  await startConversation(t, "org_a");

  const forAna = await ana.query(api.private.notifications.attention, {});
  expect(forAna.escalated.map((c) => c._id)).toEqual([escalated.conversationId]);
  expect(forAna.escalated[0]).toMatchObject({ contactName: "Vera Visitor", status: "escalated" });
  expect(forAna.assigned.map((c) => c._id)).toEqual([mine.conversationId]);
  expect(forAna.unread).toBe(2);
  expect(forAna.preferences).toEqual({
    browserOnEscalation: true,
    browserOnAssignedMessage: true,
    sound: false,
  });

  const forBia = await bia.query(api.private.notifications.attention, {});
  expect(forBia.assigned).toEqual([]);
  expect(forBia.unread).toBe(1);

  await ana.mutation(api.private.conversations.markRead, {
    conversationId: escalated.conversationId,
  });
  expect((await ana.query(api.private.notifications.attention, {})).unread).toBe(1);
  expect(await other.query(api.private.notifications.attention, {})).toMatchObject({
    escalated: [],
    assigned: [],
    unread: 0,
  });
});
