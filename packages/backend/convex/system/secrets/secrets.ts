"use node";

import {
  CreateSecretCommand,
  DeleteSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import type { PaginationResult } from "convex/server";
import { v } from "convex/values";

import { internal } from "../../_generated/api";
import type { Doc } from "../../_generated/dataModel";
import { internalAction, type ActionCtx } from "../../_generated/server";
import { fail } from "../../lib/errors";
import {
  importMasterKey,
  openSecret,
  rewrapSecret,
  sealSecret,
  SecretKeyError,
  type SecretAddress,
} from "../../lib/secretEnvelope";

/**
 * An organization's named secrets: AWS Secrets Manager when SECRETS_AWS_REGION and credentials are
 * set, otherwise AES-256-GCM envelopes in the `secrets` table under ECHO_SECRETS_KEY. Values are
 * returned only to other backend functions; clients learn "configured" from the plugin row.
 */

const vAddress = { organizationId: v.string(), name: v.string() };

/** Prefixed names: Convex's Node runtime may carry the host's own AWS_* variables. */
function awsClient(): SecretsManagerClient | null {
  const region = process.env.SECRETS_AWS_REGION;
  const accessKeyId = process.env.SECRETS_AWS_ACCESS_KEY_ID;
  const secretAccessKey = process.env.SECRETS_AWS_SECRET_ACCESS_KEY;
  if (!region || !accessKeyId || !secretAccessKey) return null;
  return new SecretsManagerClient({
    region,
    credentials: {
      accessKeyId,
      secretAccessKey,
      sessionToken: process.env.SECRETS_AWS_SESSION_TOKEN || undefined,
    },
  });
}

/** Tenant-prefixed so one IAM policy per prefix can fence an organization's secrets. */
function awsSecretName({ organizationId, name }: SecretAddress): string {
  const prefix = process.env.SECRETS_AWS_PREFIX || "echo";
  return `${prefix}/${organizationId}/${name}`;
}

async function masterKey(encoded = process.env.ECHO_SECRETS_KEY, label = "ECHO_SECRETS_KEY") {
  try {
    return await importMasterKey(encoded, label);
  } catch (error) {
    if (error instanceof SecretKeyError) fail("NOT_CONFIGURED", error.message);
    throw error;
  }
}

async function awsPut(client: SecretsManagerClient, address: SecretAddress, value: string) {
  const SecretId = awsSecretName(address);
  try {
    await client.send(new PutSecretValueCommand({ SecretId, SecretString: value }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await client.send(new CreateSecretCommand({ Name: SecretId, SecretString: value }));
  }
}

async function awsRead(client: SecretsManagerClient, address: SecretAddress) {
  try {
    const { SecretString } = await client.send(
      new GetSecretValueCommand({ SecretId: awsSecretName(address) }),
    );
    return SecretString ?? null;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return null;
    throw error;
  }
}

async function awsRemove(client: SecretsManagerClient, address: SecretAddress) {
  try {
    await client.send(
      new DeleteSecretCommand({
        SecretId: awsSecretName(address),
        ForceDeleteWithoutRecovery: true,
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
}

export const put = internalAction({
  args: { ...vAddress, value: v.string() },
  handler: async (ctx, { value, ...address }) => {
    const client = awsClient();
    if (client) return await awsPut(client, address, value);
    const sealed = await sealSecret(await masterKey(), address, value);
    await ctx.runMutation(internal.system.secrets.store.put, { ...address, sealed });
  },
});

export const read = internalAction({
  args: vAddress,
  handler: async (ctx, address): Promise<string | null> => {
    const client = awsClient();
    if (client) return await awsRead(client, address);
    const sealed = await ctx.runQuery(internal.system.secrets.store.get, address);
    if (!sealed) return null;
    const current = await masterKey();
    // During a rotation, envelopes not yet re-wrapped open under the previous key.
    const previous = process.env.ECHO_SECRETS_KEY_PREVIOUS;
    if (sealed.keyId !== current.keyId && previous) {
      const old = await masterKey(previous, "ECHO_SECRETS_KEY_PREVIOUS");
      if (old.keyId === sealed.keyId) return await openSecret(old, address, sealed);
    }
    return await openSecret(current, address, sealed);
  },
});

export const remove = internalAction({
  args: vAddress,
  handler: async (ctx, address) => {
    const client = awsClient();
    if (client) return await awsRemove(client, address);
    await ctx.runMutation(internal.system.secrets.store.remove, address);
  },
});

async function rewrapAll(ctx: ActionCtx, oldKey: string, newKey: string) {
  const from = await masterKey(oldKey, "old key");
  const to = await masterKey(newKey, "new key");
  let rewrapped = 0;
  let alreadyCurrent = 0;
  let cursor: string | null = null;
  for (;;) {
    const result: PaginationResult<Doc<"secrets">> = await ctx.runQuery(
      internal.system.secrets.store.page,
      {
        paginationOpts: { numItems: 100, cursor },
      },
    );
    for (const secret of result.page) {
      if (secret.keyId === to.keyId) {
        alreadyCurrent++;
        continue;
      }
      const { organizationId, name, keyId, wrapIv, wrappedKey, iv, ciphertext } = secret;
      const sealed = await rewrapSecret(
        from,
        to,
        { organizationId, name },
        { keyId, wrapIv, wrappedKey, iv, ciphertext },
      );
      const done = await ctx.runMutation(internal.system.secrets.store.rewrap, {
        secretId: secret._id,
        fromKeyId: keyId,
        sealed,
      });
      if (done) rewrapped++;
    }
    if (result.isDone) break;
    cursor = result.continueCursor;
  }
  return { rewrapped, alreadyCurrent, keyId: to.keyId };
}

/**
 * Re-wraps every data key from the old master key to the new one (scripts/rotate-secrets-key.mjs;
 * the procedure is in the package README).
 * Idempotent: envelopes already under the new key are skipped, so a rerun finishes a partial one.
 */
export const rotateMasterKey = internalAction({
  args: { oldKey: v.string(), newKey: v.string() },
  handler: async (ctx, { oldKey, newKey }) => await rewrapAll(ctx, oldKey, newKey),
});
