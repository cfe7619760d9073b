import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import { fillVariables } from "../lib/cannedResponses/variables";
import { errorCodeOf } from "../lib/errors";
import { createOrganization, newTest, operator, startConversation } from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function codeOf(promise: Promise<unknown>) {
  return await promise.then(
    () => null,
    (error: unknown) => errorCodeOf(error),
  );
}

describe("fillVariables", () => {
  test("fills the known variables, blanks a missing value and keeps an unknown one as written", () => {
    expect(
      fillVariables(
        "Hi {{contact.name}} ({{ contact.email }}), {{operator.name}} of {{organization.name}}. {{order.id}}",
        {
          "contact.name": "Vera",
          "contact.email": "vera@example.com",
          "organization.name": "Acme",
        },
      ),
    ).toBe("Hi Vera (vera@example.com),  of Acme. {{order.id}}");
  });
});

describe("private.cannedResponses", () => {
  test("admins write the library; members list it and cannot change it", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    const member = operator(t, "org_a", "member");
    const fields = {
      title: "Refund",
      shortcut: "/Refund",
      body: "Refund sent.",
      language: "en" as const,
    };
    const id = await admin.mutation(api.private.cannedResponses.create, fields);
    expect(await member.query(api.private.cannedResponses.list, {})).toMatchObject([
      { title: "Refund", shortcut: "refund", body: "Refund sent.", language: "en" },
    ]);
    expect(await codeOf(member.mutation(api.private.cannedResponses.create, fields))).toBe(
      "UNAUTHORIZED",
    );
    expect(
      await codeOf(
        member.mutation(api.private.cannedResponses.update, { cannedResponseId: id, ...fields }),
      ),
    ).toBe("UNAUTHORIZED");
    expect(
      await codeOf(member.mutation(api.private.cannedResponses.remove, { cannedResponseId: id })),
    ).toBe("UNAUTHORIZED");

    await admin.mutation(api.private.cannedResponses.update, {
      cannedResponseId: id,
      ...fields,
      title: "Refund issued",
    });
    expect((await member.query(api.private.cannedResponses.list, {}))[0]).toMatchObject({
      title: "Refund issued",
    });
    await admin.mutation(api.private.cannedResponses.remove, { cannedResponseId: id });
    expect(await member.query(api.private.cannedResponses.list, {})).toEqual([]);
  });

  test("a shortcut is used once per language, and fields are checked", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    const base = { title: "Hello", shortcut: "hi", body: "Hello!" };
    await admin.mutation(api.private.cannedResponses.create, { ...base, language: "en" });
    await admin.mutation(api.private.cannedResponses.create, { ...base, language: "pt-BR" });
    expect(
      await codeOf(admin.mutation(api.private.cannedResponses.create, { ...base, language: "en" })),
    ).toBe("INVALID_INPUT");
    for (const bad of [{ shortcut: "two words" }, { title: " " }, { body: "" }]) {
      expect(
        await codeOf(
          admin.mutation(api.private.cannedResponses.create, { ...base, ...bad, language: "en" }),
        ),
      ).toBe("INVALID_INPUT");
    }
  });

  test("a conversation's list fills its contact, operator and organization, its language first", async () => {
    const t = newTest();
    await createOrganization(t, "org_a", "Acme");
    const admin = operator(t, "org_a", "admin");
    const member = operator(t, "org_a", "member");
    const body = "Hi {{contact.name}}, {{operator.name}} from {{organization.name}} here.";
    await admin.mutation(api.private.cannedResponses.create, {
      title: "Saudação",
      shortcut: "ola",
      body: "Olá, {{contact.name}}! ({{contact.email}})",
      language: "pt-BR",
    });
    await admin.mutation(api.private.cannedResponses.create, {
      title: "Greeting",
      shortcut: "hi",
      body,
      language: "en",
    });
    const { conversationId } = await startConversation(t, "org_a");
    await t.run(async (ctx) => await ctx.db.patch(conversationId, { language: "pt-BR" }));

    expect(
      await member.query(api.private.cannedResponses.forConversation, { conversationId }),
    ).toMatchObject([
      { shortcut: "ola", language: "pt-BR", text: "Olá, Vera Visitor! (vera@example.com)" },
      {
        shortcut: "hi",
        language: "en",
        text: "Hi Vera Visitor, Operator user_org_a_member from Acme here.",
      },
    ]);
  });
});
