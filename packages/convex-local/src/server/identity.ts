import { checkAdminKey } from "../auth/admin-key.ts";
import { AuthError, verifyUserToken } from "../auth/jwt.ts";
import type { CodeRegistry } from "../runtime/functions/code-registry.ts";
import type { UserIdentity } from "../runtime/functions/function-types.ts";

export type Caller = { isAdmin: boolean; identity: UserIdentity | null; token: string | null };

export const ANONYMOUS: Caller = { isAdmin: false, identity: null, token: null };

/** A credential that does not authenticate; `code` is the error code Convex answers it with. */
export class AuthenticationError extends Error {
  readonly code: string;
  constructor(message: string, code = "Unauthenticated") {
    super(message);
    this.name = "AuthenticationError";
    this.code = code;
  }
}

/** What checking a caller reads of the deployment: its admin key's name and its auth providers. */
export type AuthSource = { instanceName: string; registry: Pick<CodeRegistry, "modulesFor"> };

/** Who is calling, from an `Authorization` header value (admin key, optionally acting as a user, or a user JWT). */
export async function callerFromHeader(
  backend: AuthSource,
  header: string | null | undefined,
  adminSecret: string | null,
): Promise<Caller> {
  if (!header) return ANONYMOUS;
  if (header.slice(0, 7).toLowerCase() === "convex ") {
    const [key, actingAs] = splitAdminValue(header.slice(7).trim());
    return adminCaller(
      backend,
      key,
      actingAs
        ? (JSON.parse(Buffer.from(actingAs, "base64").toString("utf8")) as Record<string, unknown>)
        : undefined,
      adminSecret,
    );
  }
  if (header.slice(0, 7).toLowerCase() === "bearer ")
    return userCaller(backend, header.slice(7).trim());
  throw new AuthenticationError(
    "Authorization header must be `Bearer <token>` or `Convex <admin key>`.",
    "InvalidAuthHeader",
  );
}

function splitAdminValue(value: string): [string, string | undefined] {
  const withoutPrefix = value.replace(/^(prod|preview|project|dev):[^|]*\|/, (match) =>
    match.startsWith("prod:") ? match.slice(5) : "",
  );
  const colon = withoutPrefix.lastIndexOf(":");
  if (colon > withoutPrefix.indexOf("|") && colon > 0)
    return [withoutPrefix.slice(0, colon), withoutPrefix.slice(colon + 1)];
  return [withoutPrefix, undefined];
}

export function adminCaller(
  backend: AuthSource,
  key: string,
  actingAs: Record<string, unknown> | undefined,
  adminSecret: string | null,
): Caller {
  if (adminSecret === null || !checkAdminKey(key, backend.instanceName, adminSecret)) {
    throw new AuthenticationError("The provided admin key was invalid for this instance");
  }
  if (!actingAs) return { isAdmin: true, identity: null, token: null };
  const issuer = String(actingAs.issuer ?? "");
  const subject = String(actingAs.subject ?? "");
  const tokenIdentifier = String(actingAs.tokenIdentifier ?? `${issuer}|${subject}`);
  return {
    isAdmin: true,
    identity: { ...actingAs, issuer, subject, tokenIdentifier },
    token: null,
  };
}

export async function userCaller(backend: AuthSource, token: string): Promise<Caller> {
  const providers = backend.registry.modulesFor("")?.authProviders ?? [];
  try {
    const identity = (await verifyUserToken(token, providers as never, { fetch })) as UserIdentity;
    return { isAdmin: false, identity, token };
  } catch (e) {
    if (e instanceof AuthError) throw new AuthenticationError(e.message, e.code);
    throw new AuthenticationError(e instanceof Error ? e.message : String(e), "InvalidAuthHeader");
  }
}
