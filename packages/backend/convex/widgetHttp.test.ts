import { describe, expect, test } from "vitest";

import { api } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { createOrganization, newTest } from "./test.harness";

describe("POST /widget/contact-sessions", () => {
  test("creates a contact session and records the country the edge network reports", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const response = await t.fetch("/widget/contact-sessions", {
      method: "POST",
      headers: { "content-type": "application/json", "cf-ipcountry": "br" },
      body: JSON.stringify({
        organizationId: "org_a",
        name: "Bia",
        email: "bia@example.com",
        metadata: { timezone: "America/Recife" },
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const { contactSessionId } = (await response.json()) as {
      contactSessionId: Id<"contactSessions">;
    };
    const session = await t.run(async (ctx) => await ctx.db.get(contactSessionId));
    expect(session!.metadata).toEqual({ timezone: "America/Recife", country: "BR" });
    expect(
      await t.query(api.public.contactSessions.validate, {
        contactSessionId,
        organizationId: "org_a",
      }),
    ).toMatchObject({
      valid: true,
    });
  });

  test("answers errors with their codes, and preflight requests", async () => {
    const t = newTest();
    const unknown = await t.fetch("/widget/contact-sessions", {
      method: "POST",
      body: JSON.stringify({ organizationId: "nope", name: "A", email: "a@example.com" }),
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ code: "NOT_FOUND" });
    const malformed = await t.fetch("/widget/contact-sessions", { method: "POST", body: "{" });
    expect(await malformed.json()).toEqual({ code: "INVALID_INPUT" });
    expect((await t.fetch("/widget/contact-sessions", { method: "OPTIONS" })).status).toBe(204);
  });

  test("session creation is rate limited per organization", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const create = () =>
      t.mutation(api.public.contactSessions.create, {
        organizationId: "org_a",
        name: "V",
        email: "v@example.com",
      });
    for (let i = 0; i < 30; i++) await create();
    const error = await create().catch((e) => e);
    expect(error.data.code).toBe("RATE_LIMITED");
  });
});
