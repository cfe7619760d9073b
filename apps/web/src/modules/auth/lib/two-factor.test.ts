// @vitest-environment node
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateSync } from "otplib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createEchoAuth } from "./create-auth";

const baseURL = "http://localhost:3999";
const password = "correct horse battery";

/** The authenticator app's side, computed independently with otplib from the QR code's URI. */
const codeFor = (totpURI: string) =>
  generateSync({ secret: new URL(totpURI).searchParams.get("secret")! });

// scrypt password hashing on a loaded two-core machine takes seconds per sign-in.
describe(
  "two-factor sign-in and password change (self-hosted provider)",
  { timeout: 30_000 },
  () => {
    let dir: string;
    let instance: ReturnType<typeof createEchoAuth>;

    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), "echo-2fa-"));
      instance = createEchoAuth({
        databasePath: join(dir, "auth.sqlite"),
        baseURL,
        secret: "test-secret-test-secret-test-secret-0123",
        notify: () => {},
      });
      await instance.migrate();
    });
    afterEach(() => {
      instance.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const cookiesOf = (response: Response, previous?: Headers) => {
      const jar = new Map(
        (previous?.get("cookie") ?? "")
          .split("; ")
          .filter(Boolean)
          .map((pair) => [pair.split("=")[0]!, pair] as const),
      );
      for (const cookie of response.headers.getSetCookie()) {
        const pair = cookie.split(";")[0]!;
        jar.set(pair.split("=")[0]!, pair);
      }
      return new Headers({ cookie: [...jar.values()].join("; ") });
    };
    const api = () => instance.auth.api;

    async function signUp() {
      const response = await api().signUpEmail({
        body: { email: "ana@example.com", password, name: "Ana" },
        asResponse: true,
      });
      return cookiesOf(response);
    }
    async function signIn(pass = password) {
      const response = await api().signInEmail({
        body: { email: "ana@example.com", password: pass },
        asResponse: true,
      });
      return { response, headers: cookiesOf(response), body: await response.clone().json() };
    }
    async function enable(headers: Headers) {
      const enabled = await api().enableTwoFactor({ body: { password }, headers });
      if (!("totpURI" in enabled))
        throw new Error(`expected a TOTP enrolment, got ${enabled.method}`);
      return enabled;
    }
    async function enrol(headers: Headers) {
      const { totpURI, backupCodes } = await enable(headers);
      await api().verifyTOTP({ body: { code: codeFor(totpURI) }, headers });
      return { totpURI, backupCodes };
    }

    it("enrols with a code from the authenticator, then asks for one at every sign-in", async () => {
      const headers = await signUp();
      const { totpURI, backupCodes } = await enable(headers);
      expect(totpURI).toMatch(/^otpauth:\/\/totp\/Echo:ana%40example\.com\?/);
      expect(backupCodes).toHaveLength(10);
      // Not on until a code proves the authenticator holds the secret.
      expect((await signIn()).body.twoFactorRedirect).toBeUndefined();
      await expect(api().verifyTOTP({ body: { code: "000000" }, headers })).rejects.toThrow();
      await api().verifyTOTP({ body: { code: codeFor(totpURI) }, headers });

      const pending = await signIn();
      expect(pending.body).toMatchObject({ twoFactorRedirect: true });
      expect(await api().getSession({ headers: pending.headers })).toBeNull();
      await expect(
        api().verifyTOTP({ body: { code: "123456" }, headers: pending.headers }),
      ).rejects.toThrow();
      const verified = await api().verifyTOTP({
        body: { code: codeFor(totpURI) },
        headers: pending.headers,
        asResponse: true,
      });
      expect(verified.status).toBe(200);
      const session = await api().getSession({ headers: cookiesOf(verified, pending.headers) });
      expect(session?.user.email).toBe("ana@example.com");
    });

    it("a recovery code signs in once", async () => {
      const { backupCodes } = await enrol(await signUp());
      const first = await signIn();
      const used = await api().verifyBackupCode({
        body: { code: backupCodes[0]! },
        headers: first.headers,
        asResponse: true,
      });
      expect(used.status).toBe(200);
      const second = await signIn();
      await expect(
        api().verifyBackupCode({ body: { code: backupCodes[0]! }, headers: second.headers }),
      ).rejects.toThrow();
    });

    it("changing the password can sign every other session out", async () => {
      const here = await signUp();
      const elsewhere = (await signIn()).headers;
      await api().changePassword({
        body: {
          currentPassword: password,
          newPassword: "a brand new secret",
          revokeOtherSessions: true,
        },
        headers: here,
        asResponse: true,
      });
      expect(await api().getSession({ headers: elsewhere })).toBeNull();
      expect((await signIn("a brand new secret")).response.status).toBe(200);
      expect((await signIn()).response.status).toBe(401);
    });
  },
);
