import { afterEach, describe, expect, test, vi } from "vitest";

import { internal } from "../../_generated/api";
import { newTest } from "../../test.harness";

const randomKey = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
const secrets = internal.system.secrets.secrets;
const a = { organizationId: "org_a", name: "vapi.privateKey" };
const b = { organizationId: "org_b", name: "vapi.privateKey" };

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("system.secrets (local envelope encryption)", () => {
  test("put, read and delete per organization; the table holds only ciphertext", async () => {
    vi.stubEnv("ECHO_SECRETS_KEY", randomKey());
    const t = newTest();
    await t.action(secrets.put, { ...a, value: "private-a" });
    await t.action(secrets.put, { ...b, value: "private-b" });
    expect(await t.action(secrets.read, a)).toBe("private-a");
    expect(await t.action(secrets.read, b)).toBe("private-b");
    expect(await t.action(secrets.read, { ...a, name: "missing" })).toBeNull();

    await t.action(secrets.put, { ...a, value: "private-a2" });
    expect(await t.action(secrets.read, a)).toBe("private-a2");
    const rows = await t.run(async (ctx) => await ctx.db.query("secrets").collect());
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain("private-");

    await t.action(secrets.remove, a);
    expect(await t.action(secrets.read, a)).toBeNull();
    expect(await t.action(secrets.read, b)).toBe("private-b");
  });

  test("a missing or malformed ECHO_SECRETS_KEY is a clear configuration error", async () => {
    const t = newTest();
    vi.stubEnv("ECHO_SECRETS_KEY", "");
    await expect(t.action(secrets.put, { ...a, value: "x" })).rejects.toThrow(
      /ECHO_SECRETS_KEY is not set/,
    );
    vi.stubEnv("ECHO_SECRETS_KEY", btoa("sixteen byte key"));
    await expect(t.action(secrets.put, { ...a, value: "x" })).rejects.toThrow(
      /must decode to 32 bytes/,
    );
  });

  test("a changed master key or a tampered row fails loudly instead of returning garbage", async () => {
    vi.stubEnv("ECHO_SECRETS_KEY", randomKey());
    const t = newTest();
    await t.action(secrets.put, { ...a, value: "private-a" });
    await t.run(async (ctx) => {
      const row = (await ctx.db.query("secrets").first())!;
      const bytes = Uint8Array.from(atob(row.ciphertext), (c) => c.charCodeAt(0));
      bytes[3] = bytes[3]! ^ 0x80;
      await ctx.db.patch(row._id, { ciphertext: btoa(String.fromCharCode(...bytes)) });
    });
    await expect(t.action(secrets.read, a)).rejects.toThrow(/tampered/);

    await t.action(secrets.put, { ...b, value: "private-b" });
    vi.stubEnv("ECHO_SECRETS_KEY", randomKey());
    await expect(t.action(secrets.read, b)).rejects.toThrow(/sealed under master key/);
  });

  test("while a rotation runs, envelopes under the previous key still open", async () => {
    const oldKey = randomKey();
    vi.stubEnv("ECHO_SECRETS_KEY", oldKey);
    const t = newTest();
    await t.action(secrets.put, { ...a, value: "private-a" });
    vi.stubEnv("ECHO_SECRETS_KEY", randomKey());
    vi.stubEnv("ECHO_SECRETS_KEY_PREVIOUS", oldKey);
    await t.action(secrets.put, { ...b, value: "private-b" });
    expect(await t.action(secrets.read, a)).toBe("private-a");
    expect(await t.action(secrets.read, b)).toBe("private-b");
    vi.stubEnv("ECHO_SECRETS_KEY_PREVIOUS", randomKey());
    await expect(t.action(secrets.read, a)).rejects.toThrow(/sealed under master key/);
  });

  test("rotation re-wraps every data key, so the values read under the new key only", async () => {
    const oldKey = randomKey();
    const newKey = randomKey();
    vi.stubEnv("ECHO_SECRETS_KEY", oldKey);
    const t = newTest();
    await t.action(secrets.put, { ...a, value: "private-a" });
    await t.action(secrets.put, { ...b, value: "private-b" });
    const before = await t.run(async (ctx) => await ctx.db.query("secrets").collect());

    const result = await t.action(secrets.rotateMasterKey, { oldKey, newKey });
    expect(result).toMatchObject({ rewrapped: 2, alreadyCurrent: 0 });
    const after = await t.run(async (ctx) => await ctx.db.query("secrets").collect());
    expect(after.map((s) => s.ciphertext)).toEqual(before.map((s) => s.ciphertext));
    expect(new Set(after.map((s) => s.keyId))).toEqual(new Set([result.keyId]));

    await expect(t.action(secrets.read, a)).rejects.toThrow(/sealed under master key/);
    vi.stubEnv("ECHO_SECRETS_KEY", newKey);
    expect(await t.action(secrets.read, a)).toBe("private-a");
    expect(await t.action(secrets.read, b)).toBe("private-b");

    // Rerunning finishes nothing twice; a wrong old key is refused before anything changes.
    expect(await t.action(secrets.rotateMasterKey, { oldKey, newKey })).toMatchObject({
      rewrapped: 0,
      alreadyCurrent: 2,
    });
    await expect(
      t.action(secrets.rotateMasterKey, { oldKey: randomKey(), newKey: randomKey() }),
    ).rejects.toThrow(/sealed under master key/);
    expect(await t.action(secrets.read, b)).toBe("private-b");
  });
});
