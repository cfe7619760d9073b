import { anyApi } from "convex/server";
import { ConvexHttpClient } from "convex/browser";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { setBackendEnv } from "./harness/fake-vapi";
import { closeServer } from "./harness/close-server";

// The deployed backend trusts only tokens its auth.config.ts names: the self-hosted provider's
// issuer (customJwt, RS256, audience "convex") and, when CLERK_JWT_ISSUER_DOMAIN is set, Clerk's
// (OIDC discovery, audience "convex"). Here both issuers are local stand-ins with their own keys,
// pointed at through the deployment's environment as an operator would; the backend's code and
// convex-local's verification are the real ones.

type Issuer = { url: string; key: CryptoKey; close(): Promise<void> };

async function startIssuer(kid: string): Promise<Issuer> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  let url = "";
  const server: Server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    if (req.url === "/.well-known/openid-configuration")
      return res.end(JSON.stringify({ issuer: url, jwks_uri: `${url}/jwks` }));
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    key: privateKey,
    close: () => closeServer(server),
  };
}

async function token(
  key: CryptoKey,
  kid: string,
  claims: { iss: string; aud?: string; expiresIn?: string | number },
) {
  return await new SignJWT({ org_id: "org_trust", org_role: "admin", name: "Tess Trust" })
    .setProtectedHeader({ alg: "RS256", kid })
    .setSubject("user_trust")
    .setIssuer(claims.iss)
    .setAudience(claims.aud ?? "convex")
    .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
    .setExpirationTime(claims.expiresIn ?? "5m")
    .sign(key);
}

describe("the backend trusts only verified operator tokens", () => {
  const urls = inject("urls");
  const adminKey = inject("adminKey");
  let selfHosted: Issuer;
  let clerk: Issuer;
  let stranger: Issuer;

  /** The members list as the token's bearer sees it, or the backend's refusal. */
  async function asBearer(jwt: string) {
    const client = new ConvexHttpClient(urls.backend, { logger: false });
    client.setAuth(jwt);
    return await client.query(anyApi.private!.members!.list!, {}).then(
      (members: { userId: string }[]) => ({ ok: true as const, members }),
      (error: Error) => ({ ok: false as const, message: error.message }),
    );
  }

  beforeAll(async () => {
    // The tokens' operator belongs to their organization, as the identity webhook records it: the
    // backend takes membership from its members table, not from the token.
    const membership = await fetch(`${urls.backend}/api/mutation`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Convex ${adminKey}` },
      body: JSON.stringify({
        path: "system/webhooks/applyEvent:applyEvent",
        format: "json",
        args: {
          provider: "identity",
          eventId: `evt_trust_${Date.now()}`,
          type: "organizationMembership.created",
          data: JSON.stringify({
            organization: { id: "org_trust" },
            public_user_data: { user_id: "user_trust", first_name: "Tess", last_name: "Trust" },
            role: "org:admin",
          }),
        },
      }),
    });
    expect(await membership.json()).toMatchObject({ status: "success" });
    selfHosted = await startIssuer("self");
    clerk = await startIssuer("clerk");
    stranger = await startIssuer("self");
    await setBackendEnv(urls.backend, adminKey, {
      ECHO_AUTH_ISSUER: selfHosted.url,
      ECHO_AUTH_JWKS_URL: `${selfHosted.url}/jwks`,
      CLERK_JWT_ISSUER_DOMAIN: clerk.url,
    });
  });

  afterAll(async () => {
    await setBackendEnv(urls.backend, adminKey, {
      ECHO_AUTH_ISSUER: urls.dashboard,
      ECHO_AUTH_JWKS_URL: `${urls.dashboard}/api/auth/jwks`,
      CLERK_JWT_ISSUER_DOMAIN: null,
    });
    await Promise.all([selfHosted, clerk, stranger].map((issuer) => issuer?.close()));
  });

  it("accepts the self-hosted provider's and Clerk's tokens", async () => {
    for (const [issuer, kid] of [
      [selfHosted, "self"],
      [clerk, "clerk"],
    ] as const) {
      const result = await asBearer(await token(issuer.key, kid, { iss: issuer.url }));
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (result.ok) expect(result.members.map((m) => m.userId)).toContain("user_trust");
    }
  });

  it("refuses expired, forged, wrong-issuer and wrong-audience tokens", async () => {
    const refused = {
      expired: await token(selfHosted.key, "self", { iss: selfHosted.url, expiresIn: "-1m" }),
      // Same issuer and key id, signed with another key.
      forged: await token(stranger.key, "self", { iss: selfHosted.url }),
      "wrong issuer": await token(selfHosted.key, "self", { iss: "http://127.0.0.1:9/evil" }),
      "wrong audience": await token(selfHosted.key, "self", {
        iss: selfHosted.url,
        aud: "another-app",
      }),
      "Clerk token with the wrong audience": await token(clerk.key, "clerk", {
        iss: clerk.url,
        aud: "another-app",
      }),
      "not a token": "not.a.token",
    };
    for (const [label, jwt] of Object.entries(refused)) {
      const result = await asBearer(jwt);
      expect(result.ok, `${label} token was accepted`).toBe(false);
      expect(JSON.stringify(result)).not.toContain("user_trust");
    }
  });

  it("stops trusting Clerk once its issuer is removed from the environment", async () => {
    const clerkToken = await token(clerk.key, "clerk", { iss: clerk.url });
    await setBackendEnv(urls.backend, adminKey, { CLERK_JWT_ISSUER_DOMAIN: null });
    try {
      expect((await asBearer(clerkToken)).ok).toBe(false);
      const selfToken = await token(selfHosted.key, "self", { iss: selfHosted.url });
      expect((await asBearer(selfToken)).ok).toBe(true);
    } finally {
      await setBackendEnv(urls.backend, adminKey, { CLERK_JWT_ISSUER_DOMAIN: clerk.url });
    }
  });
});
