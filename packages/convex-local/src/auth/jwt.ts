import {
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type FetchImplementation,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import { userIdentityFromClaims, type UserIdentityJson } from "./user-identity.ts";

export type { UserIdentityJson } from "./user-identity.ts";

/** A provider from `auth.config.ts` (`AuthProvider` in convex/server). */
export type AuthProviderConfig =
  | { type?: undefined; domain: string; applicationID: string }
  | {
      type: "customJwt";
      issuer: string;
      jwks: string;
      algorithm: "RS256" | "ES256";
      applicationID?: string | null;
    };

type VerifyOptions = {
  /** fetch used for OIDC discovery and JWKS downloads (defaults to global fetch). */
  fetch?: typeof fetch;
  /** Accepted clock skew for exp/nbf, in seconds. */
  clockToleranceSeconds?: number;
};

/** A token that does not authenticate; `code` names the reason like the backend's error codes. */
export class AuthError extends Error {
  readonly code: "InvalidAuthHeader" | "NoAuthProvider";
  constructor(code: AuthError["code"], message: string) {
    super(message);
    this.name = "AuthError";
    this.code = code;
  }
}

const DISCOVERY_TTL_MS = 60 * 60 * 1000;
/** How far in the future a token's `iat` may be, for clocks slightly ahead of this one (Convex: 5 s). */
const ISSUED_AT_SKEW_SECONDS = 5;
type Caches = {
  jwks: Map<string, JWTVerifyGetKey>;
  discovery: Map<string, { jwksUri: string; expires: number }>;
};
const defaultCaches: Caches = { jwks: new Map(), discovery: new Map() };
const cachesByFetch = new WeakMap<typeof fetch, Caches>();

/**
 * Verifies a user's JWT against the configured providers and returns the Convex
 * user identity. Checks signature, issuer, audience, expiry and not-before;
 * throws {@link AuthError} with Convex-like messages otherwise.
 */
export async function verifyUserToken(
  token: string,
  providers: readonly AuthProviderConfig[],
  options: VerifyOptions = {},
): Promise<UserIdentityJson> {
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch {
    throw new AuthError(
      "InvalidAuthHeader",
      "Could not parse JWT payload. Check that the token is a valid JWT format with three base64-encoded parts separated by dots.",
    );
  }
  if (claims.iss === undefined)
    throw new AuthError(
      "InvalidAuthHeader",
      "Missing issuer claim ('iss') in JWT payload. The JWT must include an 'iss' claim that matches one of your configured auth providers.",
    );
  const provider = providers.find((candidate) => providerMatches(candidate, claims));
  if (!provider) {
    throw new AuthError(
      "NoAuthProvider",
      providers.length === 0
        ? "No auth provider found matching the given token (no providers configured). Check convex/auth.config.ts."
        : `No auth provider found matching the given token. Check that your JWT's issuer and audience match one of your configured providers: [${providers
            .map(describeProvider)
            .join(", ")}]`,
    );
  }
  checkHeaderAndIssueTime(token, claims);
  const caches = options.fetch ? cachesFor(options.fetch) : defaultCaches;
  const keys = await keysFor(provider, caches, options.fetch);
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: claims.iss,
      audience: provider.applicationID ?? undefined,
      algorithms: provider.type === "customJwt" ? [provider.algorithm] : undefined,
      clockTolerance: options.clockToleranceSeconds ?? 0,
    });
    return userIdentityFromClaims(payload);
  } catch (error) {
    const now = Math.floor(Date.now() / 1000);
    if (error instanceof errors.JWTExpired)
      throw notValidNow(`Token expired ${now - Number(claims.exp)} seconds ago`);
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === "nbf")
      throw notValidNow(`Token will be valid in ${Number(claims.nbf) - now} seconds`);
    if (error instanceof errors.JWKSNoMatchingKey)
      throw new AuthError(
        "InvalidAuthHeader",
        `Could not decode token. The JWT's 'kid' (key ID) header is '${String(decodeProtectedHeader(token).kid)}', does this key match any key in the provider's JWKS?`,
      );
    const detail = error instanceof Error ? error.message : String(error);
    throw new AuthError(
      "InvalidAuthHeader",
      `Could not verify ${provider.type === "customJwt" ? "custom JWT" : "OIDC"} token claim. Check that the token signature is valid and the token hasn't expired. (${detail})`,
    );
  }
}

/** Like Convex, a token must name its signing key (`kid`) and must not be issued in the future. */
function checkHeaderAndIssueTime(token: string, claims: JWTPayload): void {
  const header = decodeProtectedHeader(token);
  if (typeof header.kid !== "string" || header.kid === "")
    throw new AuthError(
      "InvalidAuthHeader",
      "Could not decode token. JWT may be missing a 'kid' (key ID) header.",
    );
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.iat === "number" && claims.iat > now + ISSUED_AT_SKEW_SECONDS)
    throw notValidNow(`Token will be valid in ${claims.iat - now} seconds`);
}

/** Convex's answer to a token outside its validity window: expired, or issued or valid only later. */
function notValidNow(reason: string): AuthError {
  return new AuthError("InvalidAuthHeader", `Could not validate token: ${reason}`);
}

function providerMatches(provider: AuthProviderConfig, claims: JWTPayload): boolean {
  const audiences = typeof claims.aud === "string" ? [claims.aud] : (claims.aud ?? []);
  if (provider.type === "customJwt") {
    if (claims.iss !== provider.issuer) return false;
    return provider.applicationID == null || audiences.includes(provider.applicationID);
  }
  return sameIssuer(claims.iss, provider.domain) && audiences.includes(provider.applicationID);
}

// OIDC issuers are compared ignoring one trailing slash, which providers write inconsistently.
function sameIssuer(issuer: string | undefined, domain: string): boolean {
  return issuer !== undefined && issuer.replace(/\/$/, "") === domain.replace(/\/$/, "");
}

function describeProvider(provider: AuthProviderConfig): string {
  return provider.type === "customJwt"
    ? `CustomJWT(issuer=${provider.issuer}, app_id=${provider.applicationID ?? "none"})`
    : `OIDC(domain=${provider.domain}, app_id=${provider.applicationID})`;
}

function cachesFor(fetchImpl: typeof fetch): Caches {
  let caches = cachesByFetch.get(fetchImpl);
  if (!caches) {
    caches = { jwks: new Map(), discovery: new Map() };
    cachesByFetch.set(fetchImpl, caches);
  }
  return caches;
}

async function keysFor(
  provider: AuthProviderConfig,
  caches: Caches,
  fetchImpl: typeof fetch | undefined,
): Promise<JWTVerifyGetKey> {
  const jwksUrl =
    provider.type === "customJwt"
      ? provider.jwks
      : await discoverJwksUri(provider.domain, caches, fetchImpl);
  if (jwksUrl.startsWith("data:")) {
    try {
      return createLocalJWKSet(parseDataUri(jwksUrl));
    } catch {
      throw new AuthError(
        "InvalidAuthHeader",
        `Invalid JWKS response body from '${jwksUrl}'. The response is not valid JSON or doesn't match the expected JWKS format.`,
      );
    }
  }
  let keys = caches.jwks.get(jwksUrl);
  if (!keys) {
    keys = createRemoteJWKSet(
      new URL(jwksUrl),
      fetchImpl ? { [customFetch]: fetchImpl as unknown as FetchImplementation } : {},
    );
    caches.jwks.set(jwksUrl, keys);
  }
  return keys;
}

async function discoverJwksUri(
  domain: string,
  caches: Caches,
  fetchImpl: typeof fetch | undefined,
): Promise<string> {
  const cached = caches.discovery.get(domain);
  if (cached && cached.expires > Date.now()) return cached.jwksUri;
  const url = `${domain.replace(/\/$/, "")}/.well-known/openid-configuration`;
  let jwksUri: unknown;
  try {
    const response = await (fetchImpl ?? fetch)(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    jwksUri = ((await response.json()) as { jwks_uri?: unknown }).jwks_uri;
  } catch (error) {
    throw new AuthError(
      "InvalidAuthHeader",
      `Could not fetch the OIDC configuration from ${url}: ${(error as Error).message}`,
    );
  }
  if (typeof jwksUri !== "string") {
    throw new AuthError("InvalidAuthHeader", `The OIDC configuration at ${url} has no jwks_uri`);
  }
  caches.discovery.set(domain, { jwksUri, expires: Date.now() + DISCOVERY_TTL_MS });
  return jwksUri;
}

/** Reads a JWKS from a `data:` URI (base64 or percent-encoded JSON). */
export function parseDataUri(uri: string): JSONWebKeySet {
  const comma = uri.indexOf(",");
  if (comma < 0) throw new AuthError("InvalidAuthHeader", "Malformed data: URI for jwks");
  const header = uri.slice(5, comma);
  const body = uri.slice(comma + 1);
  const text = header.endsWith(";base64")
    ? Buffer.from(body, "base64").toString("utf8")
    : decodeURIComponent(body);
  try {
    return JSON.parse(text) as JSONWebKeySet;
  } catch {
    throw new AuthError("InvalidAuthHeader", "The jwks data: URI does not hold a JSON key set");
  }
}
