// @vitest-environment node
import { createLocalJWKSet, jwtVerify } from "jose";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createEchoAuth, type Notice, TOKEN_AUDIENCE } from "./create-auth";
import type { IdentityEvent } from "./identity-webhook";

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

  it("logs a password-reset link instead of mailing it, and the link sets a new password", async () => {
    await signUp("forgetful@example.com");
    await instance.auth.api.requestPasswordReset({
      body: { email: "forgetful@example.com", redirectTo: "/reset-password" },
    });
    const resets = notices.filter((notice) => notice.kind === "password-reset");
    expect(resets).toHaveLength(1);
    expect(resets[0]).toMatchObject({ kind: "password-reset", to: "forgetful@example.com" });
    expect(resets[0]!.url).toContain("/reset-password/");

    const token = new URL(resets[0]!.url).pathname.split("/").at(-1)!;
    await instance.auth.api.resetPassword({ body: { token, newPassword: "a brand new secret" } });
    const signIn = (password: string) =>
      instance.auth.api.signInEmail({
        body: { email: "forgetful@example.com", password },
        asResponse: true,
      });
    expect((await signIn("correct horse battery")).status).toBe(401);
    expect((await signIn("a brand new secret")).status).toBe(200);
    // The link works once.
    await expect(
      instance.auth.api.resetPassword({ body: { token, newPassword: "yet another secret" } }),
    ).rejects.toThrow();
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

  it("reports users, organizations and memberships for the backend, in Clerk's shapes", async () => {
    const events: IdentityEvent[] = [];
    const dir2 = mkdtempSync(join(tmpdir(), "echo-auth-events-"));
    const watched = createEchoAuth({
      databasePath: join(dir2, "auth.sqlite"),
      baseURL,
      secret: "test-secret-test-secret-test-secret-0123",
      notify: () => {},
      onIdentityEvent: async (event) => void events.push(event),
    });
    const signUpWatched = async (email: string, name: string) =>
      sessionHeaders(
        await watched.auth.api.signUpEmail({
          body: { email, password: "correct horse battery", name },
          asResponse: true,
        }),
      );
    try {
      await watched.migrate();
      const headers = await signUpWatched("eve@example.com", "Eve");
      const org = await watched.auth.api.createOrganization({
        body: { name: "Evented", slug: "evented" },
        headers,
      });
      await watched.auth.api.updateOrganization({
        body: { organizationId: org!.id, data: { name: "Evented Inc" } },
        headers,
      });
      const invitation = await watched.auth.api.createInvitation({
        body: { email: "mo@example.com", role: "member", organizationId: org!.id },
        headers,
      });
      const moHeaders = await signUpWatched("mo@example.com", "Mo");
      await watched.auth.api.acceptInvitation({
        body: { invitationId: invitation.id },
        headers: moHeaders,
      });
      const mo = events.find((e) => e.type === "user.created" && e.data.first_name === "Mo")!;
      const moMember = (await watched.auth.api.listMembers({
        query: { organizationId: org!.id },
        headers,
      }))!.members.find((m) => m.userId === mo.data.id)!;
      await watched.auth.api.updateMemberRole({
        body: { memberId: moMember.id, role: "admin", organizationId: org!.id },
        headers,
      });
      await watched.auth.api.leaveOrganization({
        body: { organizationId: org!.id },
        headers: moHeaders,
      });

      const eve = events[0]!;
      expect(eve).toEqual({
        type: "user.created",
        data: {
          id: expect.any(String),
          first_name: "Eve",
          last_name: null,
          image_url: null,
          primary_email_address_id: "email",
          email_addresses: [{ id: "email", email_address: "eve@example.com" }],
        },
      });
      const organization = { id: org!.id, name: "Evented", slug: "evented" };
      const renamed = { ...organization, name: "Evented Inc" };
      const membership = (type: string, userId: string, name: string, role: string) => ({
        type,
        data: expect.objectContaining({
          role,
          organization: expect.objectContaining({ id: org!.id }),
          public_user_data: {
            user_id: userId,
            first_name: name,
            last_name: null,
            identifier: `${name.toLowerCase()}@example.com`,
            image_url: null,
          },
        }),
      });
      const lifecycle = events.filter((e) => e.type !== "user.updated");
      expect(lifecycle).toEqual([
        eve,
        membership("organizationMembership.created", eve.data.id, "Eve", "owner"),
        { type: "organization.created", data: organization },
        { type: "organization.updated", data: renamed },
        mo,
        membership("organizationMembership.created", mo.data.id, "Mo", "member"),
        membership("organizationMembership.updated", mo.data.id, "Mo", "admin"),
        membership("organizationMembership.deleted", mo.data.id, "Mo", "admin"),
      ]);
    } finally {
      watched.close();
      rmSync(dir2, { recursive: true, force: true });
    }
  });

  it("reports every organization, user and membership again on resync", async () => {
    const events: IdentityEvent[] = [];
    const dir2 = mkdtempSync(join(tmpdir(), "echo-auth-resync-"));
    const options = {
      databasePath: join(dir2, "auth.sqlite"),
      baseURL,
      secret: "test-secret-test-secret-test-secret-0123",
      notify: () => {},
    };
    // Data made while nobody listened, as before events were sent.
    const quiet = createEchoAuth(options);
    await quiet.migrate();
    const response = await quiet.auth.api.signUpEmail({
      body: { email: "old@example.com", password: "correct horse battery", name: "Olga" },
      asResponse: true,
    });
    const org = await quiet.auth.api.createOrganization({
      body: { name: "Legacy", slug: "legacy" },
      headers: sessionHeaders(response),
    });
    quiet.close();

    const watched = createEchoAuth({
      ...options,
      onIdentityEvent: async (e) => void events.push(e),
    });
    try {
      await watched.migrate();
      await watched.resync();
      expect(events.map((event) => event.type)).toEqual([
        "organization.updated",
        "user.updated",
        "organizationMembership.updated",
      ]);
      expect(events[0]!.data).toEqual({ id: org!.id, name: "Legacy", slug: "legacy" });
      expect(events[2]!.data).toMatchObject({
        role: "owner",
        organization: { id: org!.id },
        public_user_data: { first_name: "Olga", identifier: "old@example.com" },
      });
    } finally {
      watched.close();
      rmSync(dir2, { recursive: true, force: true });
    }
  });

  it("keeps sessions and signing keys across a restart of the provider", async () => {
    const headers = await signUp("stays@example.com");
    const org = await instance.auth.api.createOrganization({
      body: { name: "Durable", slug: "durable" },
      headers,
    });
    const before = await tokenFor(headers);
    instance.close();

    instance = createEchoAuth({
      databasePath: join(dir, "auth.sqlite"),
      baseURL,
      secret: "test-secret-test-secret-test-secret-0123",
      notify: () => {},
    });
    await instance.migrate();
    const session = await instance.auth.api.getSession({ headers });
    expect(session?.user.email).toBe("stays@example.com");
    expect(session?.session.activeOrganizationId).toBe(org!.id);
    // A token issued before the restart still verifies against the keys served after it.
    const after = await tokenFor(headers);
    const { payload } = await jwtVerify(before.token, createLocalJWKSet(after.jwks));
    expect(payload).toMatchObject({ email: "stays@example.com", org_id: org!.id });
  });
});
