import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import { errorCodeOf } from "../lib/errors";
import { createOrganization, newTest, operator, settle, startConversation } from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const hours = {
  enabled: true,
  timeZone: "America/Sao_Paulo",
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "18:00" })),
  holidays: ["2026-12-25", "2026-01-01", "2026-12-25"],
};

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => errorCodeOf(error),
  );

describe("office hours", () => {
  test("admins set them, members read them, and the widget gets them by organization", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    const member = operator(t, "org_a", "member");
    expect(await member.query(api.private.officeHours.get, {})).toBeNull();
    expect(await codeOf(member.mutation(api.private.officeHours.update, hours))).toBe(
      "UNAUTHORIZED",
    );
    await admin.mutation(api.private.officeHours.update, hours);
    const saved = { ...hours, holidays: ["2026-01-01", "2026-12-25"] };
    expect(await member.query(api.private.officeHours.get, {})).toEqual(saved);
    expect(await t.query(api.public.officeHours.get, { organizationId: "org_a" })).toEqual({
      hours: saved,
      typicalReplyMs: null,
    });
  });

  test("an unknown zone, a reversed opening, a bad weekday or date is refused", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    for (const bad of [
      { ...hours, timeZone: "Mars/Olympus" },
      { ...hours, weekly: [{ day: 1, open: "18:00", close: "09:00" }] },
      { ...hours, weekly: [{ day: 7, open: "09:00", close: "18:00" }] },
      { ...hours, weekly: [{ day: 1, open: "9am", close: "18:00" }] },
      { ...hours, holidays: ["25/12/2026"] },
    ]) {
      expect(await codeOf(admin.mutation(api.private.officeHours.update, bad))).toBe(
        "INVALID_INPUT",
      );
    }
  });

  test("the typical reply time is the median of recent first human responses", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    for (const minutes of [2, 30, 10]) {
      const ids = await startConversation(t, "org_a");
      await admin.mutation(api.private.conversations.updateStatus, {
        conversationId: ids.conversationId,
        status: "escalated",
      });
      vi.advanceTimersByTime(minutes * 60_000);
      await admin.mutation(api.private.messages.reply, {
        conversationId: ids.conversationId,
        text: "Hello, how can I help?",
      });
      // A second reply is not a first response.
      vi.advanceTimersByTime(60 * 60_000);
      await admin.mutation(api.private.messages.reply, {
        conversationId: ids.conversationId,
        text: "Anything else?",
      });
      await settle(t);
    }
    const { typicalReplyMs } = await t.query(api.public.officeHours.get, {
      organizationId: "org_a",
    });
    expect(Math.round(typicalReplyMs! / 1000)).toBe(10 * 60);
  });

  test("an unknown organization is refused", async () => {
    const t = newTest();
    expect(await codeOf(t.query(api.public.officeHours.get, { organizationId: "org_nope" }))).toBe(
      "NOT_FOUND",
    );
  });
});
