import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import { makeFunctionReference } from "convex/server";
import { afterEach, beforeEach, describe, expect, onTestFinished, test, vi } from "vitest";

import { api } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { abuseLimiter } from "./lib/abuse/limits";
import { createOrganization, newTest, type TestConvex } from "./test.harness";

beforeEach(() => {
  // The real work takes a browser about a second; the tests keep the same checks, with less of it.
  vi.stubEnv("ECHO_POW_COST", "1");
  vi.stubEnv("ECHO_POW_MAX_COUNTER", "30");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

async function solvedProof(t: TestConvex, organizationId: string) {
  const response = await t.fetch(
    `/widget/contact-sessions/challenge?organizationId=${encodeURIComponent(organizationId)}`,
  );
  expect(response.status).toBe(200);
  const challenge = (await response.json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  return { challenge, solution };
}

type Attempt = {
  organizationId?: string;
  headers?: Record<string, string>;
  proof?: unknown;
  name?: string;
};

async function createSession(t: TestConvex, attempt: Attempt = {}) {
  const organizationId = attempt.organizationId ?? "org_a";
  const proof = "proof" in attempt ? attempt.proof : await solvedProof(t, organizationId);
  const response = await t.fetch("/widget/contact-sessions", {
    method: "POST",
    headers: { "content-type": "application/json", ...attempt.headers },
    body: JSON.stringify({
      organizationId,
      name: attempt.name ?? "Vera",
      email: "vera@example.com",
      proof,
    }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { code?: string; contactSessionId?: Id<"contactSessions"> },
  };
}

const from = (address: string) => ({ "x-forwarded-for": address });

async function outcomes(t: TestConvex, count: number, attempt: () => Attempt) {
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const { status, body } = await createSession(t, attempt());
    codes.push(status === 200 ? "ok" : body.code!);
  }
  return codes;
}

describe("POST /widget/contact-sessions", () => {
  test("creates a session with a solved proof-of-work, recording the country and client", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const { status, body } = await createSession(t, {
      headers: { "cf-ipcountry": "br", ...from("203.0.113.9") },
    });
    expect(status).toBe(200);
    const session = await t.run(async (ctx) => await ctx.db.get(body.contactSessionId!));
    expect(session).toMatchObject({ metadata: { country: "BR" }, clientKey: "203.0.113.9" });
    expect(
      await t.query(api.public.contactSessions.validate, {
        contactSessionId: body.contactSessionId!,
        organizationId: "org_a",
      }),
    ).toMatchObject({ valid: true });
  });

  test("answers errors with their codes, and preflight requests", async () => {
    const t = newTest();
    expect(await createSession(t, { organizationId: "nope" })).toEqual({
      status: 400,
      body: expect.objectContaining({ code: "NOT_FOUND" }),
    });
    const malformed = await t.fetch("/widget/contact-sessions", { method: "POST", body: "{" });
    expect(await malformed.json()).toEqual({ code: "INVALID_INPUT" });
    for (const path of ["/widget/contact-sessions", "/widget/contact-sessions/challenge"])
      expect((await t.fetch(path, { method: "OPTIONS" })).status).toBe(204);
  });

  test("a script cannot create sessions through a public mutation", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const create = makeFunctionReference<"mutation">("public/contactSessions:create");
    await expect(
      t.mutation(create, { organizationId: "org_a", name: "Bot", email: "bot@example.com" }),
    ).rejects.toThrow();
    expect(await t.run(async (ctx) => await ctx.db.query("contactSessions").collect())).toEqual([]);
  });

  test("without a solved challenge, or with another organization's, no session is created", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await createOrganization(t, "org_b");
    expect(await createSession(t, { proof: undefined })).toEqual({
      status: 403,
      body: { code: "CHALLENGE_FAILED" },
    });
    const proof = await solvedProof(t, "org_a");
    const unsolved = { ...proof, solution: { counter: 0, derivedKey: "00" } };
    expect((await createSession(t, { proof: unsolved })).body.code).toBe("CHALLENGE_FAILED");
    expect((await createSession(t, { organizationId: "org_b", proof })).body.code).toBe(
      "CHALLENGE_FAILED",
    );
    const forged = {
      ...proof,
      challenge: {
        ...proof.challenge,
        parameters: { ...proof.challenge.parameters, data: { organizationId: "org_b" } },
      },
    };
    expect((await createSession(t, { organizationId: "org_b", proof: forged })).body.code).toBe(
      "CHALLENGE_FAILED",
    );
  });

  test("a replayed solution is refused", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const proof = await solvedProof(t, "org_a");
    expect((await createSession(t, { proof })).status).toBe(200);
    expect(await createSession(t, { proof })).toEqual({
      status: 400,
      body: expect.objectContaining({ code: "CHALLENGE_FAILED" }),
    });
  });

  test("an expired challenge is refused", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const proof = await solvedProof(t, "org_a");
    vi.useFakeTimers({ now: Date.now() + 11 * 60 * 1000, toFake: ["Date"] });
    try {
      expect((await createSession(t, { proof })).body.code).toBe("CHALLENGE_FAILED");
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("session buckets", () => {
  test("40 sessions from one address: the later ones are refused", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const codes = await outcomes(t, 40, () => ({ headers: from("198.51.100.7") }));
    expect(codes.slice(0, 10)).toEqual(Array(10).fill("ok"));
    expect(codes.slice(10)).toEqual(Array(30).fill("RATE_LIMITED"));
  });

  test("one address flooding an organization leaves its other visitors and other organizations alone", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await createOrganization(t, "org_b");
    const flood = await outcomes(t, 40, () => ({ headers: from("198.51.100.7") }));
    expect(flood.at(-1)).toBe("RATE_LIMITED");
    expect((await createSession(t, { headers: from("203.0.113.20") })).status).toBe(200);
    expect(
      (await createSession(t, { organizationId: "org_b", headers: from("203.0.113.21") })).status,
    ).toBe(200);
  });

  test("many addresses draining one organization's bucket never refuse another organization's visitors", async () => {
    // The clock stands still, so the bucket does not refill while the test runs.
    vi.useFakeTimers({ toFake: ["Date"] });
    onTestFinished(() => void vi.useRealTimers());
    const t = newTest();
    await createOrganization(t, "org_a");
    await createOrganization(t, "org_b");
    // The organization's bucket holds 200; all but the last 10 are spent through the same limiter
    // the route uses. One address takes the rest (10 sessions, its own cap); the next is refused.
    await t.run(async (ctx) => {
      await abuseLimiter.limit(ctx, "widgetSessionsPerOrganization", { key: "org_a", count: 190 });
    });
    let request = 0;
    const flood = await outcomes(t, 11, () => ({
      headers: from(`198.51.100.${Math.floor(request++ / 10)}`),
    }));
    expect(flood.filter((code) => code === "ok")).toHaveLength(10);
    expect(flood.at(-1)).toBe("RATE_LIMITED");
    expect((await createSession(t, { headers: from("203.0.113.20") })).body.code).toBe(
      "RATE_LIMITED",
    );
    expect(
      (await createSession(t, { organizationId: "org_b", headers: from("203.0.113.21") })).status,
    ).toBe(200);
  });

  test("a client-written X-Forwarded-For does not change the client's key", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    // The proxy appends the address it saw; the client writes whatever it likes before it.
    const codes = await outcomes(t, 15, () => ({
      headers: from(`10.0.${Math.floor(Math.random() * 250)}.1, 198.51.100.7`),
    }));
    expect(codes.filter((code) => code === "RATE_LIMITED")).toHaveLength(5);
    const sessions = await t.run(async (ctx) => await ctx.db.query("contactSessions").collect());
    expect(new Set(sessions.map((session) => session.clientKey))).toEqual(
      new Set(["198.51.100.7"]),
    );
  });

  test("with ECHO_CLIENT_IP_HEADER set, only that header names the client", async () => {
    vi.stubEnv("ECHO_CLIENT_IP_HEADER", "CF-Connecting-IP");
    const t = newTest();
    await createOrganization(t, "org_a");
    const codes = await outcomes(t, 12, () => ({
      headers: {
        "cf-connecting-ip": "2001:db8:1:2:aaaa::1",
        "x-forwarded-for": `192.0.2.${Math.floor(Math.random() * 250)}`,
      },
    }));
    expect(codes.slice(10)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
    const [session] = await t.run(async (ctx) => await ctx.db.query("contactSessions").take(1));
    expect(session!.clientKey).toBe("2001:db8:1:2::/64");
  });

  test("100 visitors from as many addresses within a minute all get a session", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    let visitor = 0;
    const codes = await outcomes(t, 100, () => ({ headers: from(`192.0.2.${++visitor}`) }));
    expect(codes.filter((code) => code !== "ok")).toEqual([]);
  });
});

describe("message buckets", () => {
  test("one address's sessions share a message bucket; another address of the organization still writes", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const t = newTest();
      await createOrganization(t, "org_a");
      const sendAll = async (address: string, sessions: number) => {
        const codes: string[] = [];
        for (let i = 0; i < sessions; i++) {
          const { body } = await createSession(t, { headers: from(address) });
          const contactSessionId = body.contactSessionId!;
          const conversationId = await t.mutation(api.public.conversations.create, {
            contactSessionId,
          });
          for (let m = 0; m < 5; m++) {
            const sent = await t
              .mutation(api.public.messages.send, { contactSessionId, conversationId, text: "hi" })
              .then(
                () => "ok",
                (error: { data?: { code?: string } }) => error.data?.code ?? "error",
              );
            codes.push(sent);
          }
        }
        return codes;
      };
      const flood = await sendAll("198.51.100.7", 10);
      expect(flood.filter((code) => code === "ok")).toHaveLength(30);
      expect(flood.at(-1)).toBe("RATE_LIMITED");
      expect(await sendAll("203.0.113.20", 1)).toEqual(Array(5).fill("ok"));
    } finally {
      vi.useRealTimers();
    }
  });
});
