import type { JSONValue } from "convex/values";
import type { JWTPayload } from "jose";

/** The identity `ctx.auth.getUserIdentity()` returns (`UserIdentity` in convex/server). */
export type UserIdentityJson = {
  tokenIdentifier: string;
  subject: string;
  issuer: string;
  [claim: string]: JSONValue;
};

// OIDC standard claims and the camelCase names Convex gives them.
const STANDARD_CLAIMS: Record<string, string> = {
  name: "name",
  given_name: "givenName",
  family_name: "familyName",
  nickname: "nickname",
  preferred_username: "preferredUsername",
  profile: "profileUrl",
  picture: "pictureUrl",
  website: "websiteUrl",
  email: "email",
  email_verified: "emailVerified",
  gender: "gender",
  birthdate: "birthday",
  zoneinfo: "timezone",
  locale: "language",
  phone_number: "phoneNumber",
  phone_number_verified: "phoneNumberVerified",
  address: "address",
  updated_at: "updatedAt",
};
// Claims consumed by verification rather than exposed on the identity.
const VERIFICATION_CLAIMS = new Set(["iss", "sub", "aud", "exp", "iat", "nbf"]);

/**
 * Builds the user identity from verified JWT claims: `tokenIdentifier` is
 * `${iss}|${sub}`, OIDC claims are renamed to camelCase, and custom claims are
 * flattened into the top level (nested objects as dotted keys).
 */
export function userIdentityFromClaims(claims: JWTPayload): UserIdentityJson {
  const issuer = claims.iss;
  const subject = claims.sub;
  if (typeof issuer !== "string" || typeof subject !== "string") {
    throw new Error("Token is missing the `iss` or `sub` claim");
  }
  const identity: UserIdentityJson = { tokenIdentifier: `${issuer}|${subject}`, subject, issuer };
  for (const [claim, value] of Object.entries(claims)) {
    if (value === undefined || VERIFICATION_CLAIMS.has(claim)) continue;
    const standard = STANDARD_CLAIMS[claim];
    if (standard) identity[standard] = standardClaimValue(claim, value as JSONValue);
    else flattenInto(identity, claim, value as JSONValue);
  }
  return identity;
}

function standardClaimValue(claim: string, value: JSONValue): JSONValue {
  // Convex types these as strings: `address` is an object and `updated_at` seconds in OIDC.
  if (claim === "address" && typeof value === "object" && value !== null)
    return JSON.stringify(value);
  if (claim === "updated_at" && typeof value === "number")
    return new Date(value * 1000).toISOString();
  return value;
}

function flattenInto(target: Record<string, JSONValue>, key: string, value: JSONValue): void {
  if (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length > 0
  ) {
    for (const [inner, innerValue] of Object.entries(value))
      flattenInto(target, `${key}.${inner}`, innerValue);
    return;
  }
  target[key] = value;
}
