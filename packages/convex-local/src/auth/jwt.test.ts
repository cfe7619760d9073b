import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from "jose";
import { AuthError, parseDataUri, verifyUserToken, type AuthProviderConfig } from "./jwt.ts";

type KeyPair = { publicKey: CryptoKey; privateKey: CryptoKey; jwk: JWK };

async function keyPair(alg: "RS256" | "ES256", kid: string): Promise<KeyPair> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  return { publicKey, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: "sig" } };
}

let server: Server;
let origin: string;
let rsa: KeyPair;
let ec: KeyPair;
let attacker: KeyPair;
const requests: string[] = [];

beforeAll(async () => {
  rsa = await keyPair("RS256", "rsa-1");
  ec = await keyPair("ES256", "ec-1");
  attacker = await keyPair("RS256", "rsa-1");
  server = createServer((req, res) => {
    requests.push(req.url ?? "");
    res.setHeader("content-type", "application/json");
    if (req.url === "/oidc/.well-known/openid-configuration") {
      res.end(JSON.stringify({ issuer: `${origin}/oidc`, jwks_uri: `${origin}/oidc/jwks` }));
    } else if (req.url === "/oidc/jwks") {
      res.end(JSON.stringify({ keys: [rsa.jwk] }));
    } else if (req.url === "/custom/jwks.json") {
      res.end(JSON.stringify({ keys: [ec.jwk] }));
    } else {
      res.statusCode = 404;
      res.end("{}");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const oidc = (): AuthProviderConfig => ({ domain: `${origin}/oidc`, applicationID: "convex" });
const custom = (applicationID?: string): AuthProviderConfig => ({
  type: "customJwt",
  issuer: "https://custom.example",
  jwks: `${origin}/custom/jwks.json`,
  algorithm: "ES256",
  applicationID,
});

async function sign(
  key: KeyPair,
  alg: string,
  claims: JWTPayload,
  lifetime: { exp?: number; nbf?: number } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg, kid: key.jwk.kid!, typ: "JWT" })
    .setIssuedAt(now)
    .setExpirationTime(lifetime.exp ?? now + 3600);
  if (lifetime.nbf !== undefined) jwt.setNotBefore(lifetime.nbf);
  return jwt.sign(key.privateKey);
}

const rejection = async (promise: Promise<unknown>): Promise<AuthError> => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AuthError);
    return error as AuthError;
  }
  throw new Error("expected the token to be rejected");
};

describe("verifyUserToken", () => {
  it("verifies an OIDC token through discovery and maps claims to the Convex identity", async () => {
    const token = await sign(rsa, "RS256", {
      iss: `${origin}/oidc`,
      sub: "user_1",
      aud: ["other", "convex"],
      name: "Ada Lovelace",
      given_name: "Ada",
      email: "ada@example.com",
      email_verified: true,
      picture: "https://img/ada.png",
      locale: "en-GB",
      updated_at: 1700000000,
      address: { country: "UK" },
      org_id: "org_9",
      org: { role: "admin", perms: ["a"] },
    });
    const identity = await verifyUserToken(token, [custom(), oidc()]);
    expect(identity).toEqual({
      tokenIdentifier: `${origin}/oidc|user_1`,
      issuer: `${origin}/oidc`,
      subject: "user_1",
      name: "Ada Lovelace",
      givenName: "Ada",
      email: "ada@example.com",
      emailVerified: true,
      pictureUrl: "https://img/ada.png",
      language: "en-GB",
      updatedAt: "2023-11-14T22:13:20.000Z",
      address: '{"country":"UK"}',
      org_id: "org_9",
      "org.role": "admin",
      "org.perms": ["a"],
    });
    expect(requests).toContain("/oidc/.well-known/openid-configuration");
  });

  it("verifies a customJwt token (ES256) with and without an applicationID", async () => {
    const token = await sign(ec, "ES256", { iss: "https://custom.example", sub: "u2", aud: "app" });
    expect((await verifyUserToken(token, [custom("app")])).tokenIdentifier).toBe(
      "https://custom.example|u2",
    );
    expect((await verifyUserToken(token, [custom()])).subject).toBe("u2");
  });

  it("accepts a jwks data: URI", async () => {
    const data = `data:text/plain;charset=utf-8;base64,${Buffer.from(JSON.stringify({ keys: [ec.jwk] })).toString("base64")}`;
    const token = await sign(ec, "ES256", { iss: "https://data.example", sub: "u3" });
    const provider: AuthProviderConfig = {
      type: "customJwt",
      issuer: "https://data.example",
      jwks: data,
      algorithm: "ES256",
    };
    expect((await verifyUserToken(token, [provider])).subject).toBe("u3");
    expect(
      parseDataUri(`data:application/json,${encodeURIComponent(JSON.stringify({ keys: [] }))}`),
    ).toEqual({ keys: [] });
  });

  it("caches discovery and JWKS per fetch implementation", async () => {
    const seen: string[] = [];
    const countingFetch: typeof fetch = (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    };
    const token = await sign(rsa, "RS256", { iss: `${origin}/oidc`, sub: "u4", aud: "convex" });
    await verifyUserToken(token, [oidc()], { fetch: countingFetch });
    await verifyUserToken(token, [oidc()], { fetch: countingFetch });
    expect(seen).toEqual([
      `${origin}/oidc/.well-known/openid-configuration`,
      `${origin}/oidc/jwks`,
    ]);
  });

  it("rejects an expired token", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await sign(
      rsa,
      "RS256",
      { iss: `${origin}/oidc`, sub: "u", aud: "convex" },
      { exp: now - 60 },
    );
    const error = await rejection(verifyUserToken(token, [oidc()]));
    expect(error.code).toBe("InvalidAuthHeader");
    expect(error.message).toMatch(/^Could not validate token: Token expired (60|61) seconds ago$/);
  });

  it("rejects a token that is not yet valid", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await sign(
      rsa,
      "RS256",
      { iss: `${origin}/oidc`, sub: "u", aud: "convex" },
      { nbf: now + 600 },
    );
    const error = await rejection(verifyUserToken(token, [oidc()]));
    expect(error.code).toBe("InvalidAuthHeader");
    expect(error.message).toMatch(
      /^Could not validate token: Token will be valid in (599|600) seconds$/,
    );
  });

  it("rejects a token without an issuer before looking for its provider", async () => {
    const token = await sign(rsa, "RS256", { sub: "u", aud: "convex" });
    const error = await rejection(verifyUserToken(token, [oidc()]));
    expect(error.code).toBe("InvalidAuthHeader");
    expect(error.message).toBe(
      "Missing issuer claim ('iss') in JWT payload. The JWT must include an 'iss' claim that matches one of your configured auth providers.",
    );
  });

  it("rejects a token whose provider's jwks data: URI holds no key set", async () => {
    const provider: AuthProviderConfig = {
      type: "customJwt",
      issuer: "https://broken.example",
      jwks: "data:invalid,not-a-key-set",
      algorithm: "RS256",
    };
    const token = await sign(rsa, "RS256", { iss: "https://broken.example", sub: "u" });
    const error = await rejection(verifyUserToken(token, [provider]));
    expect(error.code).toBe("InvalidAuthHeader");
    expect(error.message).toBe(
      "Invalid JWKS response body from 'data:invalid,not-a-key-set'. The response is not valid JSON or doesn't match the expected JWKS format.",
    );
  });

  it("rejects a forged signature (same kid, different key)", async () => {
    const token = await sign(attacker, "RS256", { iss: `${origin}/oidc`, sub: "u", aud: "convex" });
    const error = await rejection(verifyUserToken(token, [oidc()]));
    expect(error.code).toBe("InvalidAuthHeader");
    expect(error.message).toMatch(
      /^Could not verify OIDC token claim. Check that the token signature is valid/,
    );
  });

  it("rejects a token whose payload was altered", async () => {
    const token = await sign(rsa, "RS256", { iss: `${origin}/oidc`, sub: "u", aud: "convex" });
    const [header, , signature] = token.split(".");
    const payload = Buffer.from(
      JSON.stringify({ iss: `${origin}/oidc`, sub: "admin", aud: "convex", exp: 9999999999 }),
    ).toString("base64url");
    expect(
      (await rejection(verifyUserToken(`${header}.${payload}.${signature}`, [oidc()]))).code,
    ).toBe("InvalidAuthHeader");
  });

  it("rejects wrong issuer and wrong audience with NoAuthProvider", async () => {
    const wrongIssuer = await sign(rsa, "RS256", {
      iss: "https://evil.example",
      sub: "u",
      aud: "convex",
    });
    const error = await rejection(verifyUserToken(wrongIssuer, [oidc(), custom("app")]));
    expect(error.code).toBe("NoAuthProvider");
    expect(error.message).toContain(`OIDC(domain=${origin}/oidc, app_id=convex)`);
    expect(error.message).toContain("CustomJWT(issuer=https://custom.example, app_id=app)");
    const wrongAudience = await sign(rsa, "RS256", {
      iss: `${origin}/oidc`,
      sub: "u",
      aud: "someone-else",
    });
    expect((await rejection(verifyUserToken(wrongAudience, [oidc()]))).code).toBe("NoAuthProvider");
    const customWrongAudience = await sign(ec, "ES256", {
      iss: "https://custom.example",
      sub: "u",
      aud: "nope",
    });
    expect((await rejection(verifyUserToken(customWrongAudience, [custom("app")]))).code).toBe(
      "NoAuthProvider",
    );
    expect((await rejection(verifyUserToken(customWrongAudience, []))).message).toMatch(
      /no providers configured/,
    );
  });

  it("rejects a customJwt token signed with an algorithm other than the configured one", async () => {
    const rsaCustom: AuthProviderConfig = {
      type: "customJwt",
      issuer: "https://rs.example",
      jwks: `${origin}/oidc/jwks`,
      algorithm: "ES256",
    };
    const token = await sign(rsa, "RS256", { iss: "https://rs.example", sub: "u" });
    const error = await rejection(verifyUserToken(token, [rsaCustom]));
    expect(error.code).toBe("InvalidAuthHeader");
    expect(error.message).toMatch(/custom JWT/);
  });

  it("rejects a token without a kid, or with one the JWKS does not have", async () => {
    const claims = { iss: `${origin}/oidc`, sub: "u", aud: "convex" };
    const now = Math.floor(Date.now() / 1000);
    const noKid = await new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256" })
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(rsa.privateKey);
    const missing = await rejection(verifyUserToken(noKid, [oidc()]));
    expect(missing.code).toBe("InvalidAuthHeader");
    expect(missing.message).toBe(
      "Could not decode token. JWT may be missing a 'kid' (key ID) header.",
    );
    const other = await keyPair("RS256", "not-in-the-jwks");
    const unknown = await rejection(verifyUserToken(await sign(other, "RS256", claims), [oidc()]));
    expect(unknown.code).toBe("InvalidAuthHeader");
    expect(unknown.message).toContain(
      "Could not decode token. The JWT's 'kid' (key ID) header is 'not-in-the-jwks', does this key match any key in the provider's JWKS?",
    );
  });

  it("rejects a token issued more than 5 seconds in the future", async () => {
    const claims = { iss: `${origin}/oidc`, sub: "u", aud: "convex" };
    const issuedAt = async (iat: number) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: "RS256", kid: rsa.jwk.kid! })
        .setIssuedAt(iat)
        .setExpirationTime(iat + 3600)
        .sign(rsa.privateKey);
    const now = Math.floor(Date.now() / 1000);
    expect((await verifyUserToken(await issuedAt(now + 3), [oidc()])).subject).toBe("u");
    const error = await rejection(verifyUserToken(await issuedAt(now + 10), [oidc()]));
    expect(error.code).toBe("InvalidAuthHeader");
    expect(error.message).toMatch(
      /^Could not validate token: Token will be valid in (9|10) seconds$/,
    );
  });

  it("rejects malformed tokens and unreachable discovery", async () => {
    expect((await rejection(verifyUserToken("not.a.jwt", [oidc()]))).code).toBe(
      "InvalidAuthHeader",
    );
    const token = await sign(rsa, "RS256", { iss: `${origin}/missing`, sub: "u", aud: "convex" });
    const error = await rejection(
      verifyUserToken(token, [{ domain: `${origin}/missing`, applicationID: "convex" }]),
    );
    expect(error.message).toMatch(/Could not fetch the OIDC configuration/);
  });
});
