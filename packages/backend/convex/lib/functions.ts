import {
  customAction,
  customCtx,
  customCtxAndArgs,
  customMutation,
  customQuery,
  NoOp,
} from "convex-helpers/server/customFunctions";
import { v } from "convex/values";

import { internal } from "../_generated/api";
import { action, mutation, query } from "../_generated/server";
import { requireContactSession } from "./contactSessions";
import { requireAdmin, requireOperator, type Operator } from "./identity";

/**
 * The only builders for public/ and private/ functions: each runs its guard before the handler
 * and hands it the operator or the contact session. guards.test.ts fails on any other export.
 */
export type Guard = "public" | "contact" | "operator" | "admin";

const GUARD = Symbol.for("echo.guard");

/** Marks what a builder makes with the guard it runs, so a test can tell a bare export apart. */
function guarded<Builder extends (definition: never) => unknown>(
  guard: Guard,
  builder: Builder,
): Builder {
  return ((definition: never) =>
    Object.assign(builder(definition) as object, { [GUARD]: guard })) as Builder;
}

/** The guard a public or private function was built with; undefined for a bare one. */
export function guardOf(fn: unknown): Guard | undefined {
  return (fn as { [GUARD]?: Guard } | null)?.[GUARD];
}

/** The widget's entry points that act before a contact session exists, or on an organization. */
export const publicQuery = guarded("public", customQuery(query, NoOp));
export const publicMutation = guarded("public", customMutation(mutation, NoOp));

const vSession = { contactSessionId: v.id("contactSessions") };

/** A visitor reading their own history: an expired session still reads until it is purged. */
export const contactQuery = guarded(
  "contact",
  customQuery(
    query,
    customCtxAndArgs({
      args: vSession,
      input: async (ctx, { contactSessionId }) => ({
        ctx: {
          session: await requireContactSession(ctx, { contactSessionId, allowExpired: true }),
        },
        args: {},
      }),
    }),
  ),
);

/** A visitor acting: the session must be unexpired. */
export const contactMutation = guarded(
  "contact",
  customMutation(
    mutation,
    customCtxAndArgs({
      args: vSession,
      input: async (ctx, { contactSessionId }) => ({
        ctx: { session: await requireContactSession(ctx, { contactSessionId }) },
        args: {},
      }),
    }),
  ),
);

export const operatorQuery = guarded(
  "operator",
  customQuery(
    query,
    customCtx(async (ctx) => ({ operator: await requireOperator(ctx) })),
  ),
);
export const operatorMutation = guarded(
  "operator",
  customMutation(
    mutation,
    customCtx(async (ctx) => ({ operator: await requireOperator(ctx) })),
  ),
);
export const operatorAction = guarded(
  "operator",
  customAction(
    action,
    customCtx(
      async (ctx): Promise<{ operator: Operator }> => ({
        operator: await ctx.runQuery(internal.system.operators.current, {}),
      }),
    ),
  ),
);

export const adminQuery = guarded(
  "admin",
  customQuery(
    query,
    customCtx(async (ctx) => ({ operator: await requireAdmin(ctx) })),
  ),
);
export const adminMutation = guarded(
  "admin",
  customMutation(
    mutation,
    customCtx(async (ctx) => ({ operator: await requireAdmin(ctx) })),
  ),
);
export const adminAction = guarded(
  "admin",
  customAction(
    action,
    customCtx(
      async (ctx): Promise<{ operator: Operator }> => ({
        operator: await ctx.runQuery(internal.system.operators.currentAdmin, {}),
      }),
    ),
  ),
);
