import { ConvexError } from "convex/values";

import { internal } from "./_generated/api";
import { httpAction, type ActionCtx } from "./_generated/server";
import { clientAddressConfig, clientAddressFrom } from "./lib/abuse/clientAddress";
import { createSessionChallenge, verifySessionChallenge } from "./lib/abuse/proofOfWork";
import {
  IDENTITY_SECRET_NAME,
  identityFrom,
  verifyIdentity,
  type SignedIdentity,
} from "./lib/contacts/identitySignature";
import { countryFromHeaders } from "./lib/requestCountry";

const cors = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
};

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: cors });

async function signingKey(ctx: ActionCtx): Promise<string> {
  const configured = process.env.ECHO_POW_HMAC_KEY;
  if (configured) return configured;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const candidate = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return await ctx.runMutation(internal.system.abuse.sessions.signingKey, { candidate });
}

/** The identity the host page signed with the organization's secret; null when absent or forged. */
async function verifiedIdentity(
  ctx: ActionCtx,
  organizationId: string,
  identity: SignedIdentity | null,
): Promise<SignedIdentity | null> {
  if (!identity) return null;
  const secret = await ctx
    .runAction(internal.system.secrets.secrets.read, {
      organizationId,
      name: IDENTITY_SECRET_NAME,
    })
    .catch(() => null);
  return secret && (await verifyIdentity(secret, identity)) ? identity : null;
}

/** `GET /widget/contact-sessions/challenge?organizationId=…`: a proof-of-work for one new session. */
export const challenge = httpAction(async (ctx, request) => {
  const organizationId = new URL(request.url).searchParams.get("organizationId");
  if (!organizationId) return json({ code: "INVALID_INPUT" }, 400);
  return json(await createSessionChallenge(await signingKey(ctx), organizationId));
});

/**
 * `POST /widget/contact-sessions`: the only way to create a contact session. The body carries the
 * solved challenge as `proof`, and may carry the host page's signed `identity` ({ userId, email,
 * name, hash }); the session records the visitor's country and the client's key. A body without
 * `name` and `email` asks for a session from the identity alone (the widget skips its form): a
 * verified identity with an email gets one, anything else is refused with IDENTITY_REFUSED and
 * leaves the challenge unspent, so the widget shows its form.
 */
export const create = httpAction(async (ctx, request) => {
  const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
  if (!body || typeof body.organizationId !== "string") return json({ code: "INVALID_INPUT" }, 400);
  const typed = typeof body.name === "string" && typeof body.email === "string";
  const signed = identityFrom(body);
  if (!typed && !signed) return json({ code: "INVALID_INPUT" }, 400);
  const proof = await verifySessionChallenge(
    await signingKey(ctx),
    body.organizationId,
    body.proof,
  );
  if (!proof) return json({ code: "CHALLENGE_FAILED" }, 403);
  const identity = await verifiedIdentity(ctx, body.organizationId, signed);
  const email = identity?.email ?? (typed ? (body.email as string) : null);
  if (!email) return json({ code: "IDENTITY_REFUSED" }, 400);
  const name = identity?.name ?? (typed ? (body.name as string) : email.split("@")[0]!);
  try {
    const session = await ctx.runMutation(internal.system.abuse.sessions.create, {
      organizationId: body.organizationId,
      name,
      email,
      ...(identity ? { identity: { userId: identity.userId } } : {}),
      metadata:
        typeof body.metadata === "object" && body.metadata !== null ? body.metadata : undefined,
      country: countryFromHeaders(request.headers),
      clientKey: clientAddressFrom(request.headers, clientAddressConfig()),
      challenge: proof,
    });
    return json(session);
  } catch (error) {
    if (error instanceof ConvexError) {
      const data = error.data as { code?: string };
      return json(data, data.code === "RATE_LIMITED" ? 429 : 400);
    }
    throw error;
  }
});

export const preflight = httpAction(async () => new Response(null, { status: 204, headers: cors }));
