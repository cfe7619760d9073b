import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "./_generated/api";
import { DEFAULT_WIDGET_SETTINGS } from "./lib/widgetSettings";
import {
  createOrganization,
  createSession,
  newTest,
  operator,
  settle,
  messagesOf,
  startConversation,
  threadOf,
  uploadFile,
  type TestConvex,
} from "./test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const page = { numItems: 50, cursor: null };

/** Organization A with a conversation, a knowledge file and settings; organization B next door. */
async function twoTenants(t: TestConvex) {
  await createOrganization(t, "org_a");
  await createOrganization(t, "org_b");
  const a = await startConversation(t, "org_a");
  await t.mutation(api.public.messages.send, { ...a, text: "secret order 1234" });
  const adminA = operator(t, "org_a", "admin");
  const storageId = await uploadFile(t, adminA, "Org A only");
  const fileA = await adminA.mutation(api.private.knowledgeFiles.add, { storageId, name: "a.txt" });
  await adminA.mutation(api.private.widgetSettings.upsert, {
    settings: { ...DEFAULT_WIDGET_SETTINGS, greeting: "Welcome to A" },
  });
  await settle(t);
  const b = await startConversation(t, "org_b");
  return {
    a,
    fileA,
    b,
    adminB: operator(t, "org_b", "owner"),
    otherSessionA: await createSession(t, "org_a", "Olga Other"),
  };
}

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: { data?: { code?: string } }) => e,
  );
  expect(error?.data?.code).toBe("NOT_FOUND");
}

describe("tenant isolation", () => {
  test("a contact session of another organization, or another visitor, reaches nothing of A's", async () => {
    const t = newTest();
    const { a, b, otherSessionA } = await twoTenants(t);
    for (const contactSessionId of [b.contactSessionId, otherSessionA]) {
      const forged = { contactSessionId, conversationId: a.conversationId };
      await expectNotFound(t.query(api.public.conversations.get, forged));
      await expectNotFound(t.mutation(api.public.conversations.markRead, forged));
      await expectNotFound(t.mutation(api.public.messages.send, { ...forged, text: "let me in" }));
      await expectNotFound(
        t.query(api.public.messages.list, {
          contactSessionId,
          threadId: await threadOf(t, a.conversationId),
          paginationOpts: page,
        }),
      );
      const own = await t.query(api.public.conversations.listOwn, {
        contactSessionId,
        paginationOpts: page,
      });
      expect(own.page.map((c) => c._id)).not.toContain(a.conversationId);
    }
    expect(
      await t.query(api.public.contactSessions.validate, {
        contactSessionId: b.contactSessionId,
        organizationId: "org_a",
      }),
    ).toEqual({ valid: false, reason: "NOT_FOUND" });
    // B's new conversations land in B, whatever A's widget looks like.
    const created = await t.mutation(api.public.conversations.create, {
      contactSessionId: b.contactSessionId,
    });
    expect((await t.run(async (ctx) => await ctx.db.get(created)))!.organizationId).toBe("org_b");
    expect(
      (await t.query(api.public.widgetSettings.get, { organizationId: "org_b" })).greeting,
    ).not.toBe("Welcome to A");
  });

  test("an operator of another organization can neither read nor change A's data", async () => {
    const t = newTest();
    const { a, fileA, adminB } = await twoTenants(t);
    const conversationId = a.conversationId;
    await expectNotFound(adminB.query(api.private.conversations.get, { conversationId }));
    await expectNotFound(
      adminB.mutation(api.private.conversations.updateStatus, {
        conversationId,
        status: "resolved",
      }),
    );
    await expectNotFound(
      adminB.mutation(api.private.conversations.assign, { conversationId, assigneeId: "user_b" }),
    );
    await expectNotFound(adminB.mutation(api.private.conversations.markRead, { conversationId }));
    await expectNotFound(
      adminB.query(api.private.messages.list, {
        threadId: await threadOf(t, conversationId),
        paginationOpts: page,
      }),
    );
    await expectNotFound(
      adminB.mutation(api.private.messages.reply, { conversationId, text: "hijack" }),
    );
    await expectNotFound(
      adminB.query(api.private.contactSessions.getForConversation, { conversationId }),
    );
    await expectNotFound(adminB.mutation(api.private.knowledgeFiles.remove, { fileId: fileA }));
    const storageA = (await t.run(async (ctx) => await ctx.db.get(fileA)))!.storageId!;
    const reuse = await adminB
      .mutation(api.private.knowledgeFiles.add, { storageId: storageA, name: "stolen.txt" })
      .catch((e) => e);
    expect(reuse.data.code).toBe("INVALID_FILE");

    const inbox = await adminB.query(api.private.conversations.list, { paginationOpts: page });
    expect(inbox.page.every((c) => c.organizationId === "org_b")).toBe(true);
    const searched = await adminB.query(api.private.conversations.list, {
      paginationOpts: page,
      search: "secret order",
    });
    expect(searched.page).toEqual([]);
    const files = await adminB.query(api.private.knowledgeFiles.list, { paginationOpts: page });
    expect(files.page).toEqual([]);
    expect((await adminB.query(api.private.widgetSettings.get, {})).greeting).toBe(
      DEFAULT_WIDGET_SETTINGS.greeting,
    );
    await adminB.mutation(api.private.widgetSettings.upsert, {
      settings: { ...DEFAULT_WIDGET_SETTINGS, greeting: "B" },
    });
    expect(
      (await t.query(api.public.widgetSettings.get, { organizationId: "org_a" })).greeting,
    ).toBe("Welcome to A");
    expect((await adminB.query(api.private.analytics.overview, {})).totals.conversations).toBe(1);
    expect((await adminB.query(api.private.organization.current, {})).organizationId).toBe("org_b");
    await adminB.mutation(api.private.organization.updateSettings, {
      allowedDomains: ["b.example"],
    });
    expect(
      (await t.query(api.public.organizations.validate, { organizationId: "org_a" }))
        .allowedDomains,
    ).toEqual([]);
    expect(
      (await adminB.query(api.private.auditLog.list, { paginationOpts: page })).page.every(
        (e) => e.organizationId === "org_b",
      ),
    ).toBe(true);

    // A is untouched.
    const adminA = operator(t, "org_a", "admin");
    expect(await adminA.query(api.private.conversations.get, { conversationId })).toMatchObject({
      status: "unresolved",
      unreadByOperator: 1,
    });
    expect(
      (await adminA.query(api.private.knowledgeFiles.list, { paginationOpts: page })).page,
    ).toHaveLength(1);
  });

  test("the agent searches only its own organization's knowledge base", async () => {
    const t = newTest();
    const { b } = await twoTenants(t);
    await t.mutation(api.public.messages.send, { ...b, text: "What is only in Org A?" });
    await settle(t);
    const reply = (await messagesOf(t, b)).at(-1)!;
    expect(reply.text).not.toContain("a.txt");
    expect(reply.text).toContain("couldn't find anything");
  });
});

describe("tenant isolation: the dashboard's contact history and file previews", () => {
  test("an operator of another organization cannot list A's contact's conversations or preview A's files", async () => {
    const t = newTest();
    const { a, fileA, b, adminB } = await twoTenants(t);
    await expectNotFound(
      adminB.query(api.private.contactSessions.listConversations, {
        conversationId: a.conversationId,
      }),
    );
    await expectNotFound(adminB.query(api.private.knowledgeFiles.preview, { fileId: fileA }));
    // B still sees its own contact's history; A still sees its own file's text.
    expect(
      (
        await adminB.query(api.private.contactSessions.listConversations, {
          conversationId: b.conversationId,
        })
      ).map((c) => c._id),
    ).toEqual([b.conversationId]);
    const previewA = await operator(t, "org_a", "member").query(
      api.private.knowledgeFiles.preview,
      { fileId: fileA },
    );
    expect(previewA.text).toBe("Org A only");
  });

  test("another organization's tags are neither listed, nor put on a conversation, nor filtered by", async () => {
    const t = newTest();
    const { a, b, adminB } = await twoTenants(t);
    const adminA = operator(t, "org_a", "admin");
    const tagA = await adminA.mutation(api.private.tags.create, { name: "A only", color: "red" });
    await adminA.mutation(api.private.conversationTriage.addTag, {
      conversationId: a.conversationId,
      tagId: tagA,
    });
    expect(await adminB.query(api.private.tags.list, {})).toEqual([]);
    await expectNotFound(
      adminB.mutation(api.private.conversationTriage.addTag, {
        conversationId: b.conversationId,
        tagId: tagA,
      }),
    );
    await expectNotFound(
      adminB.mutation(api.private.tags.update, { tagId: tagA, name: "mine", color: "blue" }),
    );
    await expectNotFound(adminB.mutation(api.private.tags.remove, { tagId: tagA }));
    const filtered = await adminB.query(api.private.conversations.list, {
      paginationOpts: page,
      tagId: tagA,
    });
    expect(filtered.page).toEqual([]);
    await expectNotFound(
      adminB.mutation(api.private.conversationTriage.snooze, {
        conversationId: a.conversationId,
        until: null,
      }),
    );
    expect(await adminA.query(api.private.tags.list, {})).toMatchObject([{ name: "A only" }]);
  });

  test("another organization's notes, mentions and canned responses stay out of reach", async () => {
    const t = newTest();
    const { a, b, adminB } = await twoTenants(t);
    const adminA = operator(t, "org_a", "admin");
    await adminA.mutation(api.private.notes.add, {
      conversationId: a.conversationId,
      text: "A's note",
      mentions: ["user_org_a_admin"],
    });
    await expectNotFound(
      adminB.query(api.private.notes.list, { conversationId: a.conversationId }),
    );
    await expectNotFound(
      adminB.mutation(api.private.notes.add, {
        conversationId: a.conversationId,
        text: "B writes on A",
        mentions: [],
      }),
    );
    // A member of A cannot be mentioned from B's conversation.
    await expect(
      adminB.mutation(api.private.notes.add, {
        conversationId: b.conversationId,
        text: "hi",
        mentions: ["user_org_a_admin"],
      }),
    ).rejects.toThrow(/Only members/);
    expect(await adminB.query(api.private.notes.mentions, {})).toEqual([]);

    const cannedA = await adminA.mutation(api.private.cannedResponses.create, {
      title: "A only",
      shortcut: "a",
      body: "A's body",
      language: "en",
    });
    expect(await adminB.query(api.private.cannedResponses.list, {})).toEqual([]);
    expect(
      await adminB.query(api.private.cannedResponses.forConversation, {
        conversationId: b.conversationId,
      }),
    ).toEqual([]);
    await expectNotFound(
      adminB.query(api.private.cannedResponses.forConversation, {
        conversationId: a.conversationId,
      }),
    );
    await expectNotFound(
      adminB.mutation(api.private.cannedResponses.update, {
        cannedResponseId: cannedA,
        title: "mine",
        shortcut: "a",
        body: "x",
        language: "en",
      }),
    );
    await expectNotFound(
      adminB.mutation(api.private.cannedResponses.remove, { cannedResponseId: cannedA }),
    );
    expect(await adminA.query(api.private.cannedResponses.list, {})).toMatchObject([
      { title: "A only" },
    ]);
  });
});

describe("tenant isolation: stored files", () => {
  test("another organization's admin cannot adopt A's logo by its storage id, nor delete it", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await createOrganization(t, "org_b");
    const adminA = operator(t, "org_a", "admin");
    const adminB = operator(t, "org_b", "admin");
    // B has an upload URL of its own out when A uploads its logo, whose id its URL reveals.
    await adminB.mutation(api.private.widgetSettings.generateLogoUploadUrl, {});
    const logoA = await uploadFile(
      t,
      adminA,
      "<svg>A</svg>",
      api.private.widgetSettings.generateLogoUploadUrl,
    );
    await adminA.mutation(api.private.widgetSettings.upsert, {
      settings: { ...DEFAULT_WIDGET_SETTINGS, logoStorageId: logoA },
    });

    const codeOf = (error: { data?: { code?: string } }) => error.data?.code;
    expect(
      await adminB
        .mutation(api.private.widgetSettings.upsert, {
          settings: { ...DEFAULT_WIDGET_SETTINGS, logoStorageId: logoA },
        })
        .catch(codeOf),
    ).toBe("INVALID_FILE");
    const adopted = await adminB
      .mutation(api.private.knowledgeFiles.add, { storageId: logoA, name: "logo.txt" })
      .then(async (fileId) => {
        await adminB.mutation(api.private.knowledgeFiles.remove, { fileId });
        return "adopted";
      })
      .catch(codeOf);
    expect(adopted).toBe("INVALID_FILE");

    expect(await t.run(async (ctx) => await (await ctx.storage.get(logoA))?.text())).toBe(
      "<svg>A</svg>",
    );
    const logoOf = async (organizationId: string) =>
      (await t.query(api.public.widgetSettings.get, { organizationId })).logoUrl;
    expect(await logoOf("org_a")).toMatch(/^https?:/);
    expect(await logoOf("org_b")).toBeNull();
    // A saves its settings again with the same logo: still its own.
    await adminA.mutation(api.private.widgetSettings.upsert, {
      settings: { ...DEFAULT_WIDGET_SETTINGS, greeting: "Hi again", logoStorageId: logoA },
    });
  });
});
