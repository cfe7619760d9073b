import type { AuthConfig } from "convex/server";

// Convex verifies operator tokens from whichever identity provider the deployment's environment
// names: Clerk (CLERK_JWT_ISSUER_DOMAIN, JWT template "convex") and/or the self-hosted provider in
// apps/web (ECHO_AUTH_ISSUER, RS256 tokens with audience "convex").
const providers: AuthConfig["providers"] = [];

if (process.env.CLERK_JWT_ISSUER_DOMAIN) {
  providers.push({ domain: process.env.CLERK_JWT_ISSUER_DOMAIN, applicationID: "convex" });
}

if (process.env.ECHO_AUTH_ISSUER) {
  providers.push({
    type: "customJwt",
    issuer: process.env.ECHO_AUTH_ISSUER,
    jwks: process.env.ECHO_AUTH_JWKS_URL ?? `${process.env.ECHO_AUTH_ISSUER}/api/auth/jwks`,
    algorithm: "RS256",
    applicationID: "convex",
  });
}

export default { providers } satisfies AuthConfig;
