import { describe, expect, test } from "vitest";

import {
  importMasterKey,
  openSecret,
  rewrapSecret,
  sealSecret,
  SecretKeyError,
} from "./secretEnvelope";

const randomKey = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
const address = { organizationId: "org_a", name: "vapi.privateKey" };

/** Flips one bit of a base64 field. */
function flipBit(encoded: string): string {
  const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
  bytes[0] = bytes[0]! ^ 1;
  return btoa(String.fromCharCode(...bytes));
}

describe("secret envelopes (AES-256-GCM, Web Crypto)", () => {
  test("a sealed value opens under the same master key and is not stored in clear", async () => {
    const master = await importMasterKey(randomKey());
    const sealed = await sealSecret(master, address, "sk_live_value");
    expect(sealed.keyId).toBe(master.keyId);
    expect(JSON.stringify(sealed)).not.toContain("sk_live_value");
    expect(await openSecret(master, address, sealed)).toBe("sk_live_value");
    // A fresh data key and IV every time.
    const again = await sealSecret(master, address, "sk_live_value");
    expect(again.wrappedKey).not.toBe(sealed.wrappedKey);
    expect(again.ciphertext).not.toBe(sealed.ciphertext);
  });

  test("tampered ciphertext, wrapped key or IV fails loudly", async () => {
    const master = await importMasterKey(randomKey());
    const sealed = await sealSecret(master, address, "value");
    for (const field of ["ciphertext", "wrappedKey", "iv", "wrapIv"] as const) {
      await expect(
        openSecret(master, address, { ...sealed, [field]: flipBit(sealed[field]) }),
      ).rejects.toThrow(/wrong key or tampered data/);
    }
  });

  test("a wrong master key fails, even one claiming the right key id", async () => {
    const master = await importMasterKey(randomKey());
    const other = await importMasterKey(randomKey());
    const sealed = await sealSecret(master, address, "value");
    await expect(openSecret(other, address, sealed)).rejects.toThrow(SecretKeyError);
    await expect(openSecret({ ...other, keyId: master.keyId }, address, sealed)).rejects.toThrow(
      /wrong key or tampered data/,
    );
  });

  test("an envelope moved to another organization or name does not open", async () => {
    const master = await importMasterKey(randomKey());
    const sealed = await sealSecret(master, address, "value");
    await expect(
      openSecret(master, { ...address, organizationId: "org_b" }, sealed),
    ).rejects.toThrow(/tampered/);
    await expect(openSecret(master, { ...address, name: "other" }, sealed)).rejects.toThrow(
      /tampered/,
    );
  });

  test("missing or malformed master keys are refused with the reason", async () => {
    await expect(importMasterKey(undefined)).rejects.toThrow(/ECHO_SECRETS_KEY is not set/);
    await expect(importMasterKey("not base64!")).rejects.toThrow(/not valid base64/);
    await expect(importMasterKey(btoa("short"))).rejects.toThrow(/must decode to 32 bytes, got 5/);
  });

  test("rewrapping moves the data key to a new master key and the old one stops working", async () => {
    const oldKey = await importMasterKey(randomKey());
    const newKey = await importMasterKey(randomKey());
    const sealed = await sealSecret(oldKey, address, "value");
    const rewrapped = await rewrapSecret(oldKey, newKey, address, sealed);
    expect(rewrapped.ciphertext).toBe(sealed.ciphertext);
    expect(rewrapped.keyId).toBe(newKey.keyId);
    expect(await openSecret(newKey, address, rewrapped)).toBe("value");
    await expect(openSecret(oldKey, address, rewrapped)).rejects.toThrow(SecretKeyError);
    await expect(rewrapSecret(newKey, oldKey, address, sealed)).rejects.toThrow(SecretKeyError);
  });
});
