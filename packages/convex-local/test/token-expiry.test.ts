import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConvexClient } from "convex/browser";
import { importJWK, SignJWT } from "jose";
import WebSocket from "ws";
import { api } from "./fixtures/basic/convex/_generated/api.js";
import signingKey from "./fixtures/basic/test-signing-key.json" with { type: "json" };
import { startHarness, type Harness } from "./server-harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness("basic");
});

afterAll(async () => {
  await h.stop();
});

/** A token for `subject` that expires `seconds` from now; without `iat` the client cannot plan a refresh itself. */
async function token(subject: string, seconds: number, withIssuedAt = true): Promise<string> {
  const key = await importJWK(signingKey, "ES256");
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg: "ES256", kid: signingKey.kid })
    .setSubject(subject)
    .setIssuer("https://issuer.test")
    .setAudience("convex-local-tests")
    .setExpirationTime(Math.floor(Date.now() / 1000) + seconds);
  return await (withIssuedAt ? jwt.setIssuedAt() : jwt).sign(key);
}

describe("a token that expires on a live WebSocket", () => {
  test("the server sends Convex's AuthError and closes the session", async () => {
    const ws = new WebSocket(`${h.server.url.replace("http", "ws")}/api/1.49.0/sync`);
    const messages: Array<Record<string, unknown>> = [];
    ws.on("message", (data) => messages.push(JSON.parse(String(data)) as Record<string, unknown>));
    const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
    await new Promise((resolve) => ws.on("open", resolve));
    const send = (m: unknown) => ws.send(JSON.stringify(m));
    send({ type: "Connect", sessionId: crypto.randomUUID(), connectionCount: 0, clientTs: 0 });
    send({ type: "Authenticate", baseVersion: 0, tokenType: "User", value: await token("u", 2) });
    send({
      type: "ModifyQuerySet",
      baseVersion: 0,
      newVersion: 1,
      modifications: [{ type: "Add", queryId: 0, udfPath: "users:whoami", args: [{}] }],
    });
    expect(await closed).toBe(1000);
    const authErrors = messages.filter((m) => m.type === "AuthError");
    expect(authErrors).toEqual([
      {
        type: "AuthError",
        error: "Convex token identity expired",
        baseVersion: 1,
        authUpdateAttempted: false,
      },
    ]);
    const identities = messages
      .filter((m) => m.type === "Transition")
      .flatMap((m) => m.modifications as Array<{ value?: { subject?: string } }>)
      .map((mod) => mod.value?.subject);
    expect(identities).toContain("u");
  }, 20_000);

  test("the official client fetches a fresh token and its queries run as the new identity", async () => {
    const client = new ConvexClient(h.server.url, { logger: false });
    const fetches: boolean[] = [];
    // The client fetches twice on setAuth (cached, then forced); both get the short-lived token.
    const first = await token("first", 2, false);
    try {
      client.setAuth(async ({ forceRefreshToken }) => {
        fetches.push(forceRefreshToken);
        return fetches.length <= 2 ? first : await token("second", 600);
      });
      const subjects: unknown[] = [];
      const second = new Promise<void>((resolve) => {
        client.onUpdate(api.users.whoami, {}, (value) => {
          subjects.push(value?.subject ?? null);
          if (value?.subject === "second") resolve();
        });
      });
      await second;
      expect(subjects).toContain("first");
      expect(fetches.length).toBeGreaterThanOrEqual(3);
      expect(fetches[2]).toBe(true);
    } finally {
      await client.close();
    }
  }, 20_000);
});
