// @vitest-environment node
import { createLocalJWKSet, jwtVerify } from "jose";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createEchoAuth, type Notice, TOKEN_AUDIENCE } from "./create-auth";

const baseURL = "http://localhost:3999";

describe("self-hosted identity provider", () => {
  let dir: string;
  let notices: Notice[];
  let instance: ReturnType<typeof createEchoAuth>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "echo-auth-"));
    notices = [];
    instance = createEchoAuth({
      databasePath: join(dir, "auth.sqlite"),
      baseURL,
      secret: "test-secret-test-secret-test-secret-0123",
      notify: (notice) => void notices.push(notice),
      signInAttemptsPerMinute: 3,
    });
    await instance.migrate();
  });

  afterEach(() => {
    instance.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signUp(email: string) {
    const response = await instance.auth.api.signUpEmail({
      body: { email, password: "correct horse battery", name: email.split("@")[0]! },
      asResponse: true,
    });
    expect(response.status).toBe(200);
    return sessionHeaders(response);
  }

  function sessionHeaders(response: Response) {
    const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
    return new Headers({ cookie: cookies.join("; ") });
  }

  async function tokenFor(headers: Headers) {
    const { token } = await instance.auth.api.getToken({ headers });
    const jwks = await instance.auth.api.getJwks();
    return { token, jwks };
  }

  it("issues RS256 tokens that carry the active organization and role", async () => {
    const headers = await signUp("owner@example.com");
    const org = await instance.auth.api.createOrganization({
      body: { name: "Acme", slug: "acme" },
      headers,
    });
    await instance.auth.api.setActiveOrganization({ body: { organizationId: org!.id }, headers });

    const { token, jwks } = await tokenFor(headers);
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: baseURL,
      audience: TOKEN_AUDIENCE,
    });
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload).toMatchObject({
      email: "owner@example.com",
      org_id: org!.id,
      org_role: "owner",
    });
    expect(payload.exp! - payload.iat!).toBe(15 * 60);
  });

  it("leaves the organization claims empty before an organization is chosen", async () => {
    const headers = await signUp("solo@example.com");
    const { token, jwks } = await tokenFor(headers);
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks));
    expect(payload.org_id).toBeNull();
    expect(payload.org_role).toBeNull();
  });

  it("invites a member by link, who then gets the member role in tokens", async () => {
    const ownerHeaders = await signUp("boss@example.com");
    const org = await instance.auth.api.createOrganization({
      body: { name: "Team", slug: "team" },
      headers: ownerHeaders,
    });
    const invitation = await instance.auth.api.createInvitation({
      body: { email: "agent@example.com", role: "member", organizationId: org!.id },
      headers: ownerHeaders,
    });
    expect(notices).toContainEqual({
      kind: "invitation",
      to: "agent@example.com",
      url: `${baseURL}/accept-invitation/${invitation.id}`,
    });

    const memberHeaders = await signUp("agent@example.com");
    await instance.auth.api.acceptInvitation({
      body: { invitationId: invitation.id },
      headers: memberHeaders,
    });
    await instance.auth.api.setActiveOrganization({
      body: { organizationId: org!.id },
      headers: memberHeaders,
    });
    const { token, jwks } = await tokenFor(memberHeaders);
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks));
    expect(payload).toMatchObject({ org_id: org!.id, org_role: "member" });
  });

  it("logs a password-reset link instead of mailing it", async () => {
    await signUp("forgetful@example.com");
    await instance.auth.api.requestPasswordReset({
      body: { email: "forgetful@example.com", redirectTo: "/reset-password" },
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: "password-reset", to: "forgetful@example.com" });
    expect(notices[0]!.url).toContain("/reset-password/");
  });

  it("rate limits repeated sign-in attempts from one client", async () => {
    await signUp("target@example.com");
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await instance.auth.handler(
        new Request(`${baseURL}/api/auth/sign-in/email`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-forwarded-for": "203.0.113.7",
            origin: baseURL,
          },
          body: JSON.stringify({ email: "target@example.com", password: "wrong password!" }),
        }),
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });

  it("reopens the organization used last in a new session", async () => {
    const headers = await signUp("multi@example.com");
    const first = await instance.auth.api.createOrganization({
      body: { name: "First", slug: "first" },
      headers,
    });
    const second = await instance.auth.api.createOrganization({
      body: { name: "Second", slug: "second" },
      headers,
    });
    await instance.auth.api.setActiveOrganization({ body: { organizationId: first!.id }, headers });
    await instance.auth.api.setActiveOrganization({
      body: { organizationId: second!.id },
      headers,
    });
    await instance.auth.api.setActiveOrganization({ body: { organizationId: first!.id }, headers });
    await instance.auth.api.signOut({ headers });

    const response = await instance.auth.api.signInEmail({
      body: { email: "multi@example.com", password: "correct horse battery" },
      asResponse: true,
    });
    const session = await instance.auth.api.getSession({ headers: sessionHeaders(response) });
    expect(session?.session.activeOrganizationId).toBe(first!.id);
  });

  it("reports organization changes for the backend", async () => {
    const events: unknown[] = [];
    const dir2 = mkdtempSync(join(tmpdir(), "echo-auth-events-"));
    const watched = createEchoAuth({
      databasePath: join(dir2, "auth.sqlite"),
      baseURL,
      secret: "test-secret-test-secret-test-secret-0123",
      notify: () => {},
      onOrganizationChange: async (event) => void events.push(event),
    });
    try {
      await watched.migrate();
      const response = await watched.auth.api.signUpEmail({
        body: { email: "events@example.com", password: "correct horse battery", name: "Eve" },
        asResponse: true,
      });
      const headers = sessionHeaders(response);
      const org = await watched.auth.api.createOrganization({
        body: { name: "Evented", slug: "evented" },
        headers,
      });
      await watched.auth.api.updateOrganization({
        body: { organizationId: org!.id, data: { name: "Evented Inc" } },
        headers,
      });
      expect(events).toEqual([
        { type: "organization.created", data: { id: org!.id, name: "Evented", slug: "evented" } },
        {
          type: "organization.updated",
          data: { id: org!.id, name: "Evented Inc", slug: "evented" },
        },
      ]);
    } finally {
      watched.close();
      rmSync(dir2, { recursive: true, force: true });
    }
  });
});
