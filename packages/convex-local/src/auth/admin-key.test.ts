import { describe, expect, it } from "vitest";
import { checkAdminKey, generateAdminKey } from "./admin-key.ts";

const secret = "4361726c6f73206973207468652062657374206465766c6f706572206576657221".slice(0, 64);
const otherSecret = "f".repeat(64);
const name = "convex-self-hosted";

describe("admin keys", () => {
  it("issues keys shaped like self-hosted Convex's that verify for the instance", () => {
    const key = generateAdminKey(name, secret);
    expect(key).toMatch(/^convex-self-hosted\|01[0-9a-f]{96}$/);
    expect(checkAdminKey(key, name, secret)).toBe(true);
    expect(generateAdminKey(name, secret)).not.toBe(key);
  });

  it("accepts the deployment-type prefixes the backend strips", () => {
    const opaque = generateAdminKey(name, secret).split("|")[1]!;
    expect(checkAdminKey(`prod:${name}|${opaque}`, name, secret)).toBe(true);
    expect(checkAdminKey(`preview:team:project|${opaque}`, name, secret)).toBe(true);
    expect(checkAdminKey(`project:team:project|${opaque}`, name, secret)).toBe(true);
    expect(checkAdminKey(opaque, name, secret)).toBe(true);
    expect(checkAdminKey(`prod:other|${opaque}`, name, secret)).toBe(false);
  });

  it("rejects keys for another instance, another secret, or altered keys", () => {
    const key = generateAdminKey(name, secret);
    expect(checkAdminKey(key, "other-instance", secret)).toBe(false);
    expect(checkAdminKey(key.replace(/^convex-self-hosted/, "other"), "other", secret)).toBe(false);
    expect(checkAdminKey(key, name, otherSecret)).toBe(false);
    const last = key.at(-1) === "0" ? "1" : "0";
    expect(checkAdminKey(key.slice(0, -1) + last, name, secret)).toBe(false);
    expect(checkAdminKey(`${key}00`, name, secret)).toBe(false);
    expect(checkAdminKey(`${name}|`, name, secret)).toBe(false);
    expect(checkAdminKey("", name, secret)).toBe(false);
    expect(checkAdminKey(key.toUpperCase(), name.toUpperCase(), secret)).toBe(false);
  });

  it("requires a 32-byte hex instance secret", () => {
    expect(() => generateAdminKey(name, "abc")).toThrow(/64 hex characters/);
  });
});
