import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { signUserId } from "../lib/contacts/identitySignature";
import { createOrganization, newTest, operator, type TestConvex } from "../test.harness";

beforeEach(() => {
  vi.stubEnv("ECHO_POW_COST", "1");
  vi.stubEnv("ECHO_POW_MAX_COUNTER", "30");
  vi.stubEnv("ECHO_SECRETS_KEY", btoa(String.fromCharCode(...new Uint8Array(32).fill(7))));
});
afterEach(() => {
  vi.unstubAllEnvs();
});

type Identity = { userId: string; email?: string; name?: string; hash: string };

/** The widget's session creation through the HTTP route, with the host page's identity. */
/** `email: null` is a signed visitor who skipped the form: the body has no name or email. */
async function visit(t: TestConvex, email: string | null, identity?: Identity) {
  const challengeResponse = await t.fetch(
    "/widget/contact-sessions/challenge?organizationId=org_a",
  );
  const challenge = (await challengeResponse.json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  const response = await t.fetch("/widget/contact-sessions", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-forwarded-for": `10.0.0.${email?.length ?? 1}`,
    },
    body: JSON.stringify({
      organizationId: "org_a",
      ...(email === null ? {} : { name: "Typed Name", email }),
      proof: { challenge, solution },
      ...(identity ? { identity } : {}),
    }),
  });
  const body = (await response.json()) as {
    code?: string;
    contactSessionId?: Id<"contactSessions">;
  };
  return { status: response.status, body };
}

async function contactOf(t: TestConvex, contactSessionId: Id<"contactSessions">) {
  return await t.run(async (ctx) => {
    const session = await ctx.db.get(contactSessionId);
    return session?.contactId ? await ctx.db.get(session.contactId) : null;
  });
}

async function world() {
  const t = newTest();
  await createOrganization(t, "org_a");
  const admin = operator(t, "org_a", "admin");
  const { secret } = await admin.action(api.private.identityVerification.rotateSecret, {});
  return { t, admin, secret };
}

describe("identity verification", () => {
  test("the secret is shown once, and only admins see that it is configured", async () => {
    const { t, admin, secret } = await world();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(await admin.query(api.private.identityVerification.status, {})).toMatchObject({
      configured: true,
    });
    expect(
      JSON.stringify(await admin.query(api.private.identityVerification.status, {})),
    ).not.toContain(secret);
    const member = operator(t, "org_a", "member");
    await expect(member.query(api.private.identityVerification.status, {})).rejects.toMatchObject({
      data: { code: "UNAUTHORIZED" },
    });
  });

  test("a validly signed visitor attaches to their contact, by user id, on every visit", async () => {
    const { t, secret } = await world();
    const identity = {
      userId: "user-42",
      email: "Lia@Example.com",
      name: "Lia Signed",
      hash: await signUserId(secret, "user-42"),
    };
    const first = await visit(t, "typed@example.com", identity);
    expect(first.status).toBe(200);
    const contact = await contactOf(t, first.body.contactSessionId!);
    expect(contact).toMatchObject({
      name: "Lia Signed",
      emails: ["lia@example.com"],
      externalUserId: "user-42",
    });
    const again = await visit(t, "other-typed@example.com", identity);
    expect((await contactOf(t, again.body.contactSessionId!))?._id).toBe(contact!._id);
  });

  test("a signed visitor adopts the unsigned contact that holds their email", async () => {
    const { t, secret } = await world();
    const unsigned = await visit(t, "lia@example.com");
    const before = await contactOf(t, unsigned.body.contactSessionId!);
    const signed = await visit(t, "x@example.com", {
      userId: "user-42",
      email: "lia@example.com",
      hash: await signUserId(secret, "user-42"),
    });
    expect(await contactOf(t, signed.body.contactSessionId!)).toMatchObject({
      _id: before!._id,
      externalUserId: "user-42",
    });
  });

  test("a forged or stale signature is ignored: the visitor is an ordinary unsigned one", async () => {
    const { t, admin, secret } = await world();
    const forged = await visit(t, "mallory@example.com", {
      userId: "user-42",
      email: "lia@example.com",
      hash: await signUserId("not-the-secret", "user-42"),
    });
    expect(forged.status).toBe(200);
    const contact = await contactOf(t, forged.body.contactSessionId!);
    expect(contact).toMatchObject({ emails: ["mallory@example.com"] });
    expect(contact?.externalUserId).toBeUndefined();

    const stale = await signUserId(secret, "user-7");
    await admin.action(api.private.identityVerification.rotateSecret, {});
    const afterRotation = await visit(t, "stale@example.com", {
      userId: "user-7",
      email: "seven@example.com",
      hash: stale,
    });
    expect(
      (await contactOf(t, afterRotation.body.contactSessionId!))?.externalUserId,
    ).toBeUndefined();
  });

  test("a replay of a signed user id with another email is refused", async () => {
    const { t, secret } = await world();
    const hash = await signUserId(secret, "user-42");
    await visit(t, "lia@example.com", { userId: "user-42", email: "lia@example.com", hash });
    const replay = await visit(t, "mallory@example.com", {
      userId: "user-42",
      email: "mallory@example.com",
      hash,
    });
    expect(replay).toMatchObject({ status: 400, body: { code: "IDENTITY_REFUSED" } });
    const sessions = await t.run(async (ctx) => await ctx.db.query("contactSessions").collect());
    expect(sessions.map((s) => s.email)).toEqual(["lia@example.com"]);
  });

  test("a signed visitor who skipped the form gets a session from the identity alone", async () => {
    const { t, secret } = await world();
    const hash = await signUserId(secret, "user-9");
    const named = await visit(t, null, { userId: "user-9", email: "nina@example.com", hash });
    expect(named.status).toBe(200);
    expect(await contactOf(t, named.body.contactSessionId!)).toMatchObject({
      name: "nina",
      emails: ["nina@example.com"],
      externalUserId: "user-9",
    });
  });

  test("without the form, a forged identity or one without an email is refused and makes nothing", async () => {
    const { t, secret } = await world();
    const forged = await visit(t, null, {
      userId: "user-9",
      email: "nina@example.com",
      hash: await signUserId("not-the-secret", "user-9"),
    });
    expect(forged).toMatchObject({ status: 400, body: { code: "IDENTITY_REFUSED" } });
    const noEmail = await visit(t, null, {
      userId: "user-10",
      hash: await signUserId(secret, "user-10"),
    });
    expect(noEmail).toMatchObject({ status: 400, body: { code: "IDENTITY_REFUSED" } });
    const nothing = await t.run(async (ctx) => ({
      sessions: await ctx.db.query("contactSessions").collect(),
      contacts: await ctx.db.query("contacts").collect(),
    }));
    expect(nothing).toEqual({ sessions: [], contacts: [] });
  });
});
