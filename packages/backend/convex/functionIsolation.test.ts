// @vitest-environment node
import { makeFunctionReference } from "convex/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

import { api, internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import {
  ASSISTANTS,
  FAKE_PRIVATE_KEY,
  FAKE_PUBLIC_KEY,
  PHONE_NUMBERS,
  startFakeVapi,
  type FakeVapi,
} from "./fakeVapi.harness";
import { startWhatsAppSim, type WhatsAppSim } from "@echo/whatsapp-sim";

import { errorCodeOf } from "./lib/errors";
import { DEFAULT_WIDGET_SETTINGS } from "./lib/widgetSettings";
import schema from "./schema";
import {
  createOrganization,
  newTest,
  operator,
  settle,
  threadOf,
  uploadFile,
  type TestConvex,
} from "./test.harness";
import { startSiteBridge } from "./whatsappSim.harness";

// One loop over every public and private function: each is called as another organization
// (an owner and a member of B, or B's visitor) with arguments that point at organization A's
// documents, and must neither return nor change anything of A's. Functions are discovered from
// the modules, and their arguments are built from their own validators, so a function added
// later is covered without anyone writing a case for it.

type Validator = {
  type: string;
  value?: unknown;
  tableName?: string;
};
type Field = { fieldType: Validator; optional: boolean };
type Registered = {
  isQuery?: boolean;
  isMutation?: boolean;
  isAction?: boolean;
  exportArgs?: () => string;
};
type Kind = "query" | "mutation" | "action";
type Discovered = { name: string; kind: Kind; args: Validator };

const modules = {
  private: import.meta.glob<Record<string, unknown>>(["./private/*.ts", "!./private/*.test.ts"]),
  public: import.meta.glob<Record<string, unknown>>(["./public/*.ts", "!./public/*.test.ts"]),
};

async function discover(visibility: "private" | "public"): Promise<Discovered[]> {
  const found: Discovered[] = [];
  for (const [path, load] of Object.entries(modules[visibility])) {
    const moduleName = path.replace(`./${visibility}/`, "").replace(/\.ts$/, "");
    for (const [exportName, value] of Object.entries(await load())) {
      const fn = value as Registered;
      if (!fn?.exportArgs) continue;
      const kind: Kind = fn.isQuery ? "query" : fn.isMutation ? "mutation" : "action";
      found.push({
        name: `${visibility}/${moduleName}:${exportName}`,
        kind,
        args: JSON.parse(fn.exportArgs()) as Validator,
      });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** Organization A's documents, and the strings that would betray a leak of them. */
type TenantA = {
  conversationId: Id<"conversations">;
  contactSessionId: Id<"contactSessions">;
  threadId: string;
  fileId: Id<"knowledgeFiles">;
  storageId: Id<"_storage">;
  operatorId: string;
  tagId: Id<"tags">;
  contactId: Id<"contacts">;
  importId: Id<"contactImports">;
  cannedResponseId: Id<"cannedResponses">;
  noteId: Id<"contactNotes">;
  conversationNoteId: Id<"conversationNotes">;
  segmentId: Id<"contactSegments">;
};

const A_SECRETS = [
  "secret order 1234",
  "Alma Acme",
  "alma@acme.example",
  "acme-only.txt",
  "Acme glacier tag",
  "Only Acme sells the glacier kettle",
  "Welcome to Acme",
  "acme.example",
  ASSISTANTS[0]!.name!,
  PHONE_NUMBERS[0]!.number,
  FAKE_PRIVATE_KEY,
  "+5511987650000",
  "acme-vip",
  "Acme note for teammates",
  "Acme canned refund body",
  "Acme private note",
  "Acme renewals segment",
  "acme-whatsapp-line",
];

async function tenants(t: TestConvex): Promise<{ a: TenantA; sessionB: Id<"contactSessions"> }> {
  await createOrganization(t, "org_a", "Acme");
  await createOrganization(t, "org_b", "Bolt");
  const adminA = operator(t, "org_a", "admin");
  await adminA.action(api.private.plugins.connect, {
    privateKey: FAKE_PRIVATE_KEY,
    publicKey: FAKE_PUBLIC_KEY,
    webhookSecret: "acme-hook",
  });
  await adminA.mutation(api.private.widgetSettings.upsert, {
    settings: { ...DEFAULT_WIDGET_SETTINGS, greeting: "Welcome to Acme" },
  });
  await adminA.mutation(api.private.organization.updateSettings, {
    allowedDomains: ["acme.example"],
    agentInstructions: "Mention the glacier kettle.",
  });
  const storageId = await uploadFile(t, adminA, "Only Acme sells the glacier kettle.");
  const fileId = await adminA.mutation(api.private.knowledgeFiles.add, {
    storageId,
    name: "acme-only.txt",
  });
  await settle(t);
  const session = (organizationId: string, name: string, email: string) =>
    t.mutation(internal.system.contactSessions.createWithCountry, {
      organizationId,
      name,
      email,
      metadata: { userAgent: "vitest", languages: ["en"], timezone: "UTC", timezoneOffset: 0 },
    });
  const { contactSessionId } = await session("org_a", "Alma Acme", "alma@acme.example");
  const conversationId = await t.mutation(api.public.conversations.create, { contactSessionId });
  await t.mutation(api.public.messages.send, {
    contactSessionId,
    conversationId,
    text: "secret order 1234",
  });
  await settle(t);
  await adminA.mutation(api.private.messages.reply, { conversationId, text: "On it, Alma." });
  await adminA.mutation(api.private.conversations.assign, {
    conversationId,
    assigneeId: "user_org_a_admin",
  });
  const tagId = await adminA.mutation(api.private.tags.create, {
    name: "Acme glacier tag",
    color: "teal",
  });
  await adminA.mutation(api.private.conversationTriage.addTag, { conversationId, tagId });
  const contactId = (await adminA.query(api.private.contactHistory.forConversation, {
    conversationId,
  }))!._id;
  await adminA.mutation(api.private.contactFields.define, {
    key: "probe",
    label: "P",
    type: "text",
  });
  await adminA.mutation(api.private.contacts.update, {
    contactId,
    phones: ["+5511987650000"],
    tags: ["acme-vip"],
    customFields: { probe: "Only Acme sells the glacier kettle" },
  });
  const importId = await adminA.action(api.private.contactImport.prepare, {
    storageId: await uploadFile(
      t,
      adminA,
      "name,email\nAlma Acme,alma@acme.example\n",
      api.private.contactImport.generateUploadUrl,
    ),
    fileName: "acme-only.txt",
  });
  await t.run(async (ctx) => {
    await ctx.db.insert("csatRatings", {
      organizationId: "org_a",
      conversationId,
      rating: 2,
      comment: "Only Acme sells the glacier kettle",
      resolution: "human",
      operatorId: "user_org_a_admin",
    });
    await ctx.db.insert("presenceSettings", { organizationId: "org_a", typingPreview: true });
    await ctx.db.insert("typingStates", {
      organizationId: "org_a",
      conversationId,
      typist: "contact",
      preview: "secret order 1234",
      updatedAt: Date.now(),
      expiresAt: Date.now() + 60_000,
    });
  });
  const conversationNoteId = await adminA.mutation(api.private.notes.add, {
    conversationId,
    text: "Acme note for teammates",
    mentions: ["user_org_a_admin"],
  });
  const cannedResponseId = await adminA.mutation(api.private.cannedResponses.create, {
    title: "Refund",
    shortcut: "refund",
    body: "Acme canned refund body",
    language: "en",
  });
  const noteId = await adminA.mutation(api.private.contactNotes.add, {
    contactId,
    body: "Acme private note",
  });
  const segmentId = await adminA.mutation(api.private.contactSegments.save, {
    name: "Acme renewals segment",
    filters: { tags: ["acme-vip"] },
  });
  await adminA.action(api.private.whatsapp.connect, {
    serverUrl: whatsapp.url,
    instanceName: whatsapp.instanceName,
    apiKey: whatsapp.apiKey,
  });
  const { contactSessionId: sessionB } = await session("org_b", "Bea Bolt", "bea@bolt.example");
  await t.mutation(api.public.conversations.create, { contactSessionId: sessionB });
  return {
    a: {
      conversationId,
      contactSessionId,
      threadId: await threadOf(t, conversationId),
      fileId,
      storageId,
      operatorId: "user_org_a_admin",
      tagId,
      contactId,
      importId,
      cannedResponseId,
      noteId,
      conversationNoteId,
      segmentId,
    },
    sessionB,
  };
}

/**
 * Arguments for a function, built from its validator, aimed at A. `caller` fills the capability
 * arguments (the contact session and organization a visitor presents) with the caller's own.
 */
function argumentsFor(
  validator: Validator,
  a: TenantA,
  caller: { contactSessionId: string; organizationId: string },
): Record<string, unknown> {
  const documentOf: Record<string, string> = {
    conversations: a.conversationId,
    contactSessions: caller.contactSessionId,
    knowledgeFiles: a.fileId,
    _storage: a.storageId,
    tags: a.tagId,
    contacts: a.contactId,
    contactImports: a.importId,
    cannedResponses: a.cannedResponseId,
    contactNotes: a.noteId,
    conversationNotes: a.conversationNoteId,
    contactSegments: a.segmentId,
  };
  const named: Record<string, string> = {
    threadId: a.threadId,
    organizationId: caller.organizationId,
  };
  const valueOf = (node: Validator, fieldName?: string): unknown => {
    switch (node.type) {
      case "id": {
        const id = documentOf[node.tableName!];
        if (!id) throw new Error(`no document of table ${node.tableName} to aim at`);
        return id;
      }
      case "string":
        return (fieldName && named[fieldName]) ?? "probe";
      case "number":
      case "float64":
        return 5;
      case "int64":
        return 5n;
      case "boolean":
        return true;
      case "null":
        return null;
      case "literal":
        return node.value;
      case "array":
        return [];
      case "record":
        return {};
      case "union": {
        const members = node.value as Validator[];
        if (fieldName === "assigneeId") return a.operatorId;
        // A null member (a cursor, an optional reference) is the neutral choice.
        const nullable = members.find((member) => member.type === "null");
        return valueOf(nullable ?? members[0]!, fieldName);
      }
      case "object": {
        const fields = node.value as Record<string, Field>;
        return Object.fromEntries(
          Object.entries(fields)
            .filter(([, field]) => !field.optional)
            .map(([name, field]) => [name, valueOf(field.fieldType, name)]),
        );
      }
      default:
        throw new Error(`no probe value for validator type ${node.type}`);
    }
  };
  return valueOf(validator) as Record<string, unknown>;
}

function referencesOthers(validator: Validator): boolean {
  return /"type":"id"|"threadId"/.test(JSON.stringify(validator));
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

async function call(
  runner: Pick<TestConvex, "query" | "mutation" | "action">,
  fn: Discovered,
  args: Record<string, unknown>,
): Promise<Outcome> {
  type Args = Record<string, unknown>;
  try {
    const value =
      fn.kind === "query"
        ? await runner.query(makeFunctionReference<"query", Args>(fn.name), args)
        : fn.kind === "mutation"
          ? await runner.mutation(makeFunctionReference<"mutation", Args>(fn.name), args)
          : await runner.action(makeFunctionReference<"action", Args>(fn.name), args);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error };
  }
}

const serialize = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

/** Every stored document that belongs to A, by table and id. */
async function snapshotOfA(t: TestConvex, a: TenantA) {
  const tables = Object.keys(schema.tables);
  const own = (doc: Record<string, unknown>) => {
    const text = serialize(doc);
    return (
      doc.organizationId === "org_a" ||
      doc.externalId === "org_a" ||
      text.includes(a.conversationId) ||
      text.includes(a.contactSessionId)
    );
  };
  const documents = await t.run(async (ctx) => {
    const all: Record<string, unknown[]> = {};
    for (const table of tables) {
      const rows = await ctx.db.query(table as never).collect();
      all[table] = (rows as Record<string, unknown>[]).filter(own);
    }
    return all;
  });
  const thread = await operator(t, "org_a", "admin").query(api.private.messages.list, {
    threadId: a.threadId,
    paginationOpts: { numItems: 100, cursor: null },
  });
  const files = await t.run(async (ctx) => ({
    blob: await (await ctx.storage.get(a.storageId))?.text(),
  }));
  return { documents, thread: thread.page, files };
}

function expectNoLeak(fn: Discovered, outcome: Outcome, a: TenantA) {
  if (outcome.ok) {
    const text = serialize(outcome.value) ?? "";
    const ids = [
      a.conversationId,
      a.contactSessionId,
      a.threadId,
      a.fileId,
      a.storageId,
      a.tagId,
      a.contactId,
      a.importId,
      a.cannedResponseId,
      "org_a",
    ];
    for (const marker of [...A_SECRETS, ...ids]) {
      expect(text, `${fn.name} returned A's "${marker}"`).not.toContain(marker);
    }
    return;
  }
  const error = outcome.error as { message?: string; data?: unknown };
  const text = `${error.message ?? ""} ${serialize(error.data) ?? ""}`;
  // The probe arguments are valid, so a refusal is the function's own decision, not the
  // validator's: otherwise the loop would prove nothing.
  expect(text, `${fn.name} rejected its probe arguments`).not.toMatch(
    /ArgumentValidationError|does not match validator|Object is missing|extra field/i,
  );
  for (const marker of A_SECRETS) {
    expect(text, `${fn.name}'s error names A's "${marker}"`).not.toContain(marker);
  }
}

let vapi: FakeVapi;
let whatsapp: WhatsAppSim;
let site: Awaited<ReturnType<typeof startSiteBridge>>;
let t: TestConvex;
let a: TenantA;
let sessionB: Id<"contactSessions">;
/**
 * A as the last call left it: each call's "after" is the next call's "before" (nothing else
 * touches this world between them), so A is read once per call instead of twice.
 */
let pictureOfA: Awaited<ReturnType<typeof snapshotOfA>>;
/** A before and after the call just made; the picture moves on even when a check then fails. */
async function pictureAroundCall() {
  const before = pictureOfA;
  pictureOfA = await snapshotOfA(t, a);
  return { before, after: pictureOfA };
}
beforeAll(async () => {
  vapi = await startFakeVapi();
  whatsapp = await startWhatsAppSim({
    port: 0,
    apiKey: "acme-whatsapp-key",
    instanceName: "acme-whatsapp-line",
  });
  // The gateway posts its connection state to the webhook A registers: Echo's site must be there.
  site = await startSiteBridge(() => t);
  vi.useFakeTimers();
  vi.stubEnv("CONVEX_SITE_URL", site.siteUrl);
  vi.stubEnv("VAPI_API_URL", vapi.url);
  vi.stubEnv("ECHO_SECRETS_KEY", btoa(String.fromCharCode(...new Uint8Array(32).fill(7))));
  // One world for the whole loop: every call as B must leave A exactly as it was, so the calls
  // cannot disturb each other's view of A.
  t = newTest();
  ({ a, sessionB } = await tenants(t));
  // That post changes A's connection, so it lands before the loop takes A's picture.
  await vi.waitFor(() => expect(site.answered()).toBe(1), { timeout: 30_000 });
  await settle(t);
  pictureOfA = await snapshotOfA(t, a);
  // Building both organizations' worlds is the file's heaviest step: on a loaded machine it takes
  // longer than a hook's default 10 s.
}, 60_000);
afterAll(async () => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
  await vapi.close();
  await whatsapp.close();
  await site.close();
});

const privateFunctions = await discover("private");
const publicFunctions = await discover("public");
// Removals last, so each control call as A still finds A's documents. Removing a contact takes
// its notes with it, so it goes after every other removal.
const controlOrder = (fn: Discovered) =>
  fn.name === "private/contactAdmin:remove" ? 2 : /remove|delete|disconnect/i.test(fn.name) ? 1 : 0;
const byControlOrder = (x: Discovered, y: Discovered) => controlOrder(x) - controlOrder(y);

describe("every function, called as another organization", () => {
  test("the loop finds the whole API", () => {
    expect(privateFunctions.length).toBeGreaterThan(25);
    expect(publicFunctions.length).toBeGreaterThan(10);
    expect(privateFunctions.map((fn) => fn.name)).toEqual(
      expect.arrayContaining([
        "private/conversations:get",
        "private/messages:reply",
        "private/knowledgeFiles:remove",
        "private/plugins:listAssistants",
        "private/notes:edit",
        "private/notes:remove",
      ]),
    );
  });

  // An operator presents only their identity; every document argument is aimed at A.
  const privateArgs = (fn: Discovered, target = a) =>
    argumentsFor(fn.args, target, {
      contactSessionId: target.contactSessionId,
      organizationId: "org_b",
    });
  // A visitor presents their own contact session and organization; the rest is aimed at A.
  const publicArgs = (fn: Discovered, owner: "a" | "b", target = a) =>
    argumentsFor(
      fn.args,
      target,
      owner === "a"
        ? { contactSessionId: target.contactSessionId, organizationId: "org_a" }
        : { contactSessionId: sessionB, organizationId: "org_b" },
    );
  const callAsA = (world: TestConvex, fn: Discovered, target: TenantA) =>
    fn.name.startsWith("private/")
      ? call(operator(world, "org_a", "admin"), fn, privateArgs(fn, target))
      : call(world, fn, publicArgs(fn, "a", target));

  test.each(privateFunctions.map((fn) => [fn.name, fn] as const))(
    "%s reaches nothing of A's for B's owner and member",
    async (_name, fn) => {
      for (const role of ["owner", "member"] as const) {
        const outcome = await call(operator(t, "org_b", role), fn, privateArgs(fn));
        await settle(t);
        const { before, after } = await pictureAroundCall();
        expectNoLeak(fn, outcome, a);
        expect(after, `${fn.name} as B's ${role} changed A`).toEqual(before);
      }
    },
  );

  test.each(publicFunctions.map((fn) => [fn.name, fn] as const))(
    "%s reaches nothing of A's for B's visitor",
    async (_name, fn) => {
      const outcome = await call(t, fn, publicArgs(fn, "b"));
      await settle(t);
      const { before, after } = await pictureAroundCall();
      expectNoLeak(fn, outcome, a);
      expect(after, `${fn.name} as B's visitor changed A`).toEqual(before);
    },
  );

  // The same probes reach A's data for A's own admin and visitor: they were aimed right, so the
  // refusals above are the functions' own doing. Queries change nothing, so they share the world
  // of the loop above, in any order.
  const referencing = [...privateFunctions, ...publicFunctions].filter((fn) =>
    referencesOthers(fn.args),
  );
  test.each(referencing.filter((fn) => fn.kind === "query").map((fn) => [fn.name, fn] as const))(
    "%s does reach A's documents for A itself",
    async (_name, fn) => {
      const own = await callAsA(t, fn, a);
      expect(own.ok ? null : errorCodeOf(own.error), fn.name).not.toBe("NOT_FOUND");
    },
  );

  // Mutations and actions change A (a removal takes documents the others aim at), so they run in
  // a world of their own, in one test, removals last: no other test sees their changes.
  test("every mutation and action does reach A's documents for A itself", async () => {
    const world = newTest();
    const { a: target } = await tenants(world);
    const notFound: string[] = [];
    for (const fn of referencing.filter((fn) => fn.kind !== "query").sort(byControlOrder)) {
      const own = await callAsA(world, fn, target);
      await settle(world);
      if (!own.ok && errorCodeOf(own.error) === "NOT_FOUND") notFound.push(fn.name);
    }
    expect(notFound).toEqual([]);
  });

  // The contact session id is the visitor's credential: an operator who had it could speak as
  // the visitor. Operators work with conversations, never with it.
  test.each(
    privateFunctions.filter((fn) => fn.kind === "query").map((fn) => [fn.name, fn] as const),
  )("%s gives A's own operators no contact-session id", async (_name, fn) => {
    const own = await call(operator(t, "org_a", "admin"), fn, privateArgs(fn));
    const text = own.ok ? (serialize(own.value) ?? "") : "";
    expect(text, `${fn.name} returned the visitor's credential`).not.toContain(a.contactSessionId);
  });
});
