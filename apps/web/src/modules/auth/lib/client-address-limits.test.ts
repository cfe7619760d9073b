// @vitest-environment node
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

import { createEchoAuth, type EchoAuthOptions, type Notice } from "./create-auth";

const baseURL = "http://localhost:3998";
const password = "correct horse battery";

// Better Auth keeps its per-client counters for the whole process, so every test below uses
// addresses and accounts of its own.
// Each attempt hashes a password (scrypt), so a test of several attempts takes seconds.
describe("identity provider limits against spoofed client addresses", { timeout: 30_000 }, () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    vi.useRealTimers();
    cleanups.splice(0).forEach((cleanup) => cleanup());
  });

  async function provider(options: Partial<EchoAuthOptions> = {}) {
    const dir = mkdtempSync(join(tmpdir(), "echo-auth-limits-"));
    const notices: Notice[] = [];
    const instance = createEchoAuth({
      databasePath: join(dir, "auth.sqlite"),
      baseURL,
      secret: "test-secret-test-secret-test-secret-0123",
      notify: (notice) => void notices.push(notice),
      ...options,
    });
    cleanups.push(() => {
      instance.close();
      rmSync(dir, { recursive: true, force: true });
    });
    await instance.migrate();
    const post = (path: string, body: object, headers: Record<string, string>) =>
      instance.auth.handler(
        new Request(`${baseURL}/api/auth${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: baseURL, ...headers },
          body: JSON.stringify(body),
        }),
      );
    const signUp = (email: string) =>
      instance.auth.api.signUpEmail({ body: { email, password, name: "Someone" } });
    /** A new account signed in from `address`: its session cookie. */
    const signedInCookie = async (email: string, address: string) => {
      await signUp(email);
      const signedIn = await post("/sign-in/email", { email, password }, { "x-real-ip": address });
      expect(signedIn.status).toBe(200);
      return signedIn.headers
        .getSetCookie()
        .map((line) => line.split(";")[0])
        .join("; ");
    };
    return { post, signUp, signedInCookie, notices, instance };
  }

  const spoofed = (n: number) => ({ "x-forwarded-for": `203.0.113.${n}` });

  it("a client rotating X-Forwarded-For shares one sign-in limit when no proxy header is trusted", async () => {
    const { post } = await provider({ signInAttemptsPerMinute: 3 });
    const statuses: number[] = [];
    for (let n = 1; n <= 5; n++) {
      const response = await post(
        "/sign-in/email",
        { email: `sprayed-${n}@example.com`, password: "wrong password!" },
        spoofed(n),
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it("an account's password cannot be guessed from many addresses: after 5 failures even the right password waits", async () => {
    const { post, signUp } = await provider({
      clientIpHeader: "X-Real-IP",
      signInAttemptsPerMinute: 100,
    });
    await signUp("guessed@example.com");
    const attempt = (n: number, guess: string) =>
      post(
        "/sign-in/email",
        { email: "Guessed@Example.com", password: guess },
        { ...spoofed(n), "x-real-ip": `198.51.100.${n}` },
      );
    const statuses: number[] = [];
    for (let n = 1; n <= 6; n++) statuses.push((await attempt(n, `guess number ${n}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);

    const right = await attempt(7, password);
    expect(right.status).toBe(429);
    expect(await right.json()).toMatchObject({ code: "ACCOUNT_THROTTLED" });
    expect(Number(right.headers.get("x-retry-after"))).toBeGreaterThan(0);
  });

  it("a successful sign-in clears the account's failures", async () => {
    const { post, signUp } = await provider({
      clientIpHeader: "x-real-ip",
      signInAttemptsPerMinute: 100,
    });
    await signUp("typo@example.com");
    const attempt = (guess: string) =>
      post(
        "/sign-in/email",
        { email: "typo@example.com", password: guess },
        { "x-real-ip": "198.51.100.50" },
      );
    // Six failures in a row would be refused; a success in between starts the count again.
    for (let n = 0; n < 3; n++) expect((await attempt("a typo password")).status).toBe(401);
    expect((await attempt(password)).status).toBe(200);
    for (let n = 0; n < 3; n++) expect((await attempt("a typo password")).status).toBe(401);
    expect((await attempt(password)).status).toBe(200);
  });

  it("with a proxy header configured, clients are told apart by it and X-Forwarded-For is ignored", async () => {
    const { post } = await provider({ clientIpHeader: "x-real-ip", signInAttemptsPerMinute: 3 });
    const from = (address: string, n: number) =>
      post(
        "/sign-in/email",
        { email: `client-${address}-${n}@example.com`, password: "wrong password!" },
        { ...spoofed(n), "x-real-ip": address },
      );
    const first: number[] = [];
    for (let n = 1; n <= 4; n++) first.push((await from("198.51.100.101", n)).status);
    expect(first).toEqual([401, 401, 401, 429]);
    expect((await from("198.51.100.102", 5)).status).toBe(401);
  });

  it("a team behind one address keeps reading its sessions and tokens past the general request limit", async () => {
    const { signedInCookie, instance } = await provider();
    const cookie = await signedInCookie("steady@example.com", "198.51.100.77");
    const { auth } = instance;
    const statuses = new Set<number>();
    // Every open dashboard page reads both; the general limit is 300 a minute per address.
    for (let n = 0; n < 320; n++) {
      for (const path of ["/get-session", "/token"]) {
        const response = await auth.handler(
          new Request(`${baseURL}/api/auth${path}`, { headers: { cookie, origin: baseURL } }),
        );
        statuses.add(response.status);
      }
    }
    expect([...statuses]).toEqual([200]);
    // 640 requests, half of them signing a token: more than the default 30 s on a loaded machine.
  }, 120_000);

  it("password-reset requests for one account are limited whatever address they come from", async () => {
    const { post, signUp, notices } = await provider({ clientIpHeader: "x-real-ip" });
    await signUp("flooded@example.com");
    const statuses: number[] = [];
    for (let n = 1; n <= 4; n++) {
      const response = await post(
        "/request-password-reset",
        { email: "flooded@example.com", redirectTo: "/reset-password" },
        { ...spoofed(n), "x-real-ip": `198.51.100.${200 + n}` },
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(notices.filter((notice) => notice.kind === "password-reset")).toHaveLength(3);
  });

  it("a client's sign-in count expires a window after its first attempt, even while it keeps trying", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-06T10:00:00Z") });
    const { post } = await provider({ clientIpHeader: "x-real-ip", signInAttemptsPerMinute: 3 });
    const attempt = async (atSecond: number) => {
      vi.setSystemTime(new Date(Date.UTC(2026, 11, 6, 10, 0, atSecond)));
      const response = await post(
        "/sign-in/email",
        { email: `persistent-${atSecond}@example.com`, password: "wrong password!" },
        { "x-real-ip": "198.51.100.90" },
      );
      return response.status;
    };
    const statuses: number[] = [];
    for (const second of [0, 20, 40, 50, 61, 70, 80, 90]) statuses.push(await attempt(second));
    expect(statuses).toEqual([401, 401, 401, 429, 401, 401, 401, 429]);
  });

  it("a team behind one address keeps reading its organizations past the general request limit", async () => {
    const { signedInCookie, instance } = await provider();
    const cookie = await signedInCookie("reader@example.com", "198.51.100.78");
    const { auth } = instance;
    const statuses = new Set<number>();
    // The organization switcher and team page read these; the general limit is 300 a minute.
    for (let n = 0; n < 310; n++) {
      for (const path of ["/organization/list", "/organization/get-full-organization", "/jwks"]) {
        const response = await auth.handler(
          new Request(`${baseURL}/api/auth${path}`, { headers: { cookie, origin: baseURL } }),
        );
        statuses.add(response.status);
      }
    }
    expect([...statuses]).toEqual([200]);
    // 930 requests through the provider: more than the default 30 s on a loaded machine.
  }, 120_000);
});
