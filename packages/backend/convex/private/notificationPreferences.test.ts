import { expect, test } from "vitest";

import { api } from "../_generated/api";
import { createOrganization, newTest, operator } from "../test.harness";

test("each member reads and changes only their own preferences, starting from the defaults", async () => {
  const t = newTest();
  await createOrganization(t, "org_a");
  const ana = operator(t, "org_a", "member", "user_ana");
  const bia = operator(t, "org_a", "member", "user_bia");
  const anaElsewhere = operator(t, "org_b", "admin", "user_ana");
  await createOrganization(t, "org_b");

  const defaults = {
    emailOnEscalation: false,
    browserOnEscalation: true,
    browserOnAssignedMessage: true,
    sound: false,
    emailOnMention: false,
    language: null,
  };
  expect(await ana.query(api.private.notificationPreferences.get, {})).toEqual(defaults);

  await ana.mutation(api.private.notificationPreferences.update, {
    emailOnEscalation: true,
    sound: true,
  });
  await ana.mutation(api.private.notificationPreferences.update, {
    language: "pt-BR",
    emailOnMention: true,
  });
  expect(await ana.query(api.private.notificationPreferences.get, {})).toEqual({
    ...defaults,
    emailOnEscalation: true,
    sound: true,
    emailOnMention: true,
    language: "pt-BR",
  });
  expect(await bia.query(api.private.notificationPreferences.get, {})).toEqual(defaults);
  // Preferences are per organization: the same person elsewhere keeps the defaults.
  expect(await anaElsewhere.query(api.private.notificationPreferences.get, {})).toEqual(defaults);
});
