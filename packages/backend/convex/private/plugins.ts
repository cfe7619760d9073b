import { v } from "convex/values";

import { internal } from "../_generated/api";
import type { ActionCtx } from "../_generated/server";
import { adminAction, adminMutation, operatorQuery } from "../lib/functions";
import { recordAudit } from "../lib/audit";
import { fail } from "../lib/errors";
import type { Operator } from "../lib/identity";
import { pluginRow, VAPI_SECRETS } from "../lib/plugins";
import { vPluginService } from "../lib/validators";
import { vapiClient, VapiError, type VapiAssistant, type VapiPhoneNumber } from "../lib/vapiClient";

/** A plugin's state for the dashboard: "configured" or not, never the secret or its reference. */
export const get = operatorQuery({
  args: { service: vPluginService },
  handler: async (ctx, { service }) => {
    const { orgId } = ctx.operator;
    const plugin = await pluginRow(ctx, orgId, service);
    return {
      service,
      state: plugin?.state ?? "disconnected",
      configured: Boolean(plugin?.secretRef),
    };
  },
});

/** Turns a Vapi failure into an error the dashboard can explain; `key` names what was sent. */
function failFromVapi(error: unknown, key: string): never {
  if (!(error instanceof VapiError)) throw error;
  if (error.reason === "unauthorized")
    fail("INVALID_CREDENTIALS", `Vapi rejected the ${key}: ${error.message}`);
  if (error.reason === "rate_limited")
    fail("RATE_LIMITED", `Vapi is rate limiting requests: ${error.message}`);
  if (error.reason === "unavailable")
    fail("UPSTREAM_UNAVAILABLE", `Vapi did not answer: ${error.message}`);
  fail("INVALID_INPUT", `Vapi refused the request with the ${key}: ${error.message}`);
}

/** The private key must read the REST API; the public key must be accepted for web calls. */
async function checkKey(key: string, label: "private key" | "public key") {
  try {
    if (label === "private key") await vapiClient(key).listAssistants();
    else await vapiClient(key).checkPublicKey();
  } catch (error) {
    failFromVapi(error, label);
  }
}

/**
 * Connects Vapi: both keys are tried against Vapi's API before anything is saved. The private key
 * and the optional server-message secret go to the secrets module; the public key is for browsers.
 */
export const connect = adminAction({
  args: {
    privateKey: v.string(),
    publicKey: v.string(),
    webhookSecret: v.optional(v.string()),
  },
  handler: async (ctx, args) => {
    const { operator } = ctx;
    const privateKey = args.privateKey.trim();
    const publicKey = args.publicKey.trim();
    const webhookSecret = args.webhookSecret?.trim();
    if (!privateKey || !publicKey) fail("INVALID_INPUT", "Both Vapi keys are required");
    if (privateKey === publicKey)
      fail("INVALID_INPUT", "The private and public keys must be different keys");
    await checkKey(privateKey, "private key");
    await checkKey(publicKey, "public key");
    const organizationId = operator.orgId;
    await ctx.runAction(internal.system.secrets.secrets.put, {
      organizationId,
      name: VAPI_SECRETS.privateKey,
      value: privateKey,
    });
    if (webhookSecret)
      await ctx.runAction(internal.system.secrets.secrets.put, {
        organizationId,
        name: VAPI_SECRETS.webhookSecret,
        value: webhookSecret,
      });
    else
      await ctx.runAction(internal.system.secrets.secrets.remove, {
        organizationId,
        name: VAPI_SECRETS.webhookSecret,
      });
    await ctx.runMutation(internal.system.plugins.markVapiConnected, {
      operator,
      publicKey,
      webhookSecret: Boolean(webhookSecret),
    });
  },
});

/** Marks the plugin disconnected now; its secrets are deleted right after, outside the transaction. */
export const disconnect = adminMutation({
  args: { service: vPluginService },
  handler: async (ctx, { service }) => {
    const { operator } = ctx;
    const plugin = await pluginRow(ctx, operator.orgId, service);
    if (!plugin) return;
    await ctx.db.patch(plugin._id, {
      state: "disconnected",
      secretRef: undefined,
      publicKey: undefined,
    });
    for (const name of Object.values(VAPI_SECRETS))
      await ctx.scheduler.runAfter(0, internal.system.secrets.secrets.remove, {
        organizationId: operator.orgId,
        name,
      });
    await recordAudit(ctx, operator, "plugin.disconnect", service);
  },
});

async function connectedVapi(
  ctx: ActionCtx & { operator: Operator },
): Promise<ReturnType<typeof vapiClient>> {
  const { orgId } = ctx.operator;
  const connected: boolean = await ctx.runQuery(internal.system.plugins.vapiConnected, {
    organizationId: orgId,
  });
  const privateKey: string | null = connected
    ? await ctx.runAction(internal.system.secrets.secrets.read, {
        organizationId: orgId,
        name: VAPI_SECRETS.privateKey,
      })
    : null;
  if (!privateKey) fail("NOT_CONFIGURED", "Vapi is not connected");
  return vapiClient(privateKey);
}

export const listAssistants = adminAction({
  args: {},
  handler: async (ctx): Promise<VapiAssistant[]> => {
    const vapi = await connectedVapi(ctx);
    try {
      return await vapi.listAssistants();
    } catch (error) {
      failFromVapi(error, "stored private key");
    }
  },
});

export const listPhoneNumbers = adminAction({
  args: {},
  handler: async (ctx): Promise<VapiPhoneNumber[]> => {
    const vapi = await connectedVapi(ctx);
    try {
      return await vapi.listPhoneNumbers();
    } catch (error) {
      failFromVapi(error, "stored private key");
    }
  },
});
