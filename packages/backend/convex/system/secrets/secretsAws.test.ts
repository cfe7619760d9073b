import {
  CreateSecretCommand,
  DeleteSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { internal } from "../../_generated/api";
import { newTest } from "../../test.harness";

const secrets = internal.system.secrets.secrets;
const address = { organizationId: "org_a", name: "vapi.privateKey" };
const aws = mockClient(SecretsManagerClient);
const notFound = () =>
  new ResourceNotFoundException({
    message: "Secrets Manager can't find the secret",
    $metadata: {},
  });

beforeEach(() => {
  aws.reset();
  vi.stubEnv("SECRETS_AWS_REGION", "eu-west-1");
  vi.stubEnv("SECRETS_AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
  vi.stubEnv("SECRETS_AWS_SECRET_ACCESS_KEY", "example-secret");
  vi.stubEnv("ECHO_SECRETS_KEY", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("system.secrets (AWS Secrets Manager)", () => {
  test("a new secret is created under the tenant-prefixed name, then updated in place", async () => {
    const t = newTest();
    aws.on(PutSecretValueCommand).rejectsOnce(notFound()).resolves({});
    aws.on(CreateSecretCommand).resolves({});
    await t.action(secrets.put, { ...address, value: "first" });
    await t.action(secrets.put, { ...address, value: "second" });

    expect(aws.commandCalls(CreateSecretCommand).map((c) => c.args[0].input)).toEqual([
      { Name: "echo/org_a/vapi.privateKey", SecretString: "first" },
    ]);
    expect(aws.commandCalls(PutSecretValueCommand).map((c) => c.args[0].input)).toEqual([
      { SecretId: "echo/org_a/vapi.privateKey", SecretString: "first" },
      { SecretId: "echo/org_a/vapi.privateKey", SecretString: "second" },
    ]);
    // Nothing lands in Convex when AWS holds the secrets, and no master key is needed.
    expect(await t.run(async (ctx) => await ctx.db.query("secrets").collect())).toEqual([]);
  });

  test("reads return the value or null when AWS has no such secret", async () => {
    vi.stubEnv("SECRETS_AWS_PREFIX", "echo-prod");
    const t = newTest();
    aws
      .on(GetSecretValueCommand, { SecretId: "echo-prod/org_a/vapi.privateKey" })
      .resolves({ SecretString: "stored" });
    aws
      .on(GetSecretValueCommand, { SecretId: "echo-prod/org_b/vapi.privateKey" })
      .rejects(notFound());
    expect(await t.action(secrets.read, address)).toBe("stored");
    expect(await t.action(secrets.read, { ...address, organizationId: "org_b" })).toBeNull();
  });

  test("delete removes without a recovery window and tolerates a missing secret", async () => {
    const t = newTest();
    aws.on(DeleteSecretCommand).rejectsOnce(notFound()).resolves({});
    await t.action(secrets.remove, address);
    await t.action(secrets.remove, address);
    expect(aws.commandCalls(DeleteSecretCommand).map((c) => c.args[0].input)).toEqual([
      { SecretId: "echo/org_a/vapi.privateKey", ForceDeleteWithoutRecovery: true },
      { SecretId: "echo/org_a/vapi.privateKey", ForceDeleteWithoutRecovery: true },
    ]);
  });

  test("other AWS failures surface instead of being mistaken for a missing secret", async () => {
    const t = newTest();
    aws.on(GetSecretValueCommand).rejects(new Error("AccessDeniedException: not authorized"));
    await expect(t.action(secrets.read, address)).rejects.toThrow(/AccessDenied/);
  });
});
