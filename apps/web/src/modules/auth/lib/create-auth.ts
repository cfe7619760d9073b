import { betterAuth } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import { getMigrations } from "better-auth/db/migration";
import { nextCookies } from "better-auth/next-js";
import { jwt, organization, twoFactor } from "better-auth/plugins";
import { DatabaseSync } from "node:sqlite";

import { accountThrottle, type AccountThrottleOptions } from "./account-throttle";
import { fixedWindowLimits } from "./fixed-window-limits";
import type { IdentityEvent, MembershipEvent, OrganizationEvent } from "./identity-webhook";

export const TOKEN_AUDIENCE = "convex";
export const TOKEN_LIFETIME = "15m";

export type Notice = {
  kind: "password-reset" | "invitation" | "email-verification";
  to: string;
  url: string;
};

export type EchoAuthOptions = {
  databasePath: string;
  baseURL: string;
  secret: string;
  /** Delivers links that would be e-mailed; without a mail transport they are logged and shown. */
  notify: (notice: Notice) => void | Promise<void>;
  /**
   * Told about every user, organization and membership created, changed or deleted (the backend
   * keeps a copy: its members list, assignees and organizations come from these events).
   */
  onIdentityEvent?: (event: IdentityEvent) => Promise<void>;
  /** Sign-in attempts allowed per client per minute. */
  signInAttemptsPerMinute?: number;
  /**
   * The request header the deployment's proxy sets to the client's address (ECHO_CLIENT_IP_HEADER).
   * Without one no header is trusted, and per-client limits apply to all clients together.
   */
  clientIpHeader?: string;
  /**
   * Sign-in, and accepting an invitation, wait for a confirmed e-mail address. Either way a
   * confirmation link is sent on sign-up.
   */
  requireEmailVerification?: boolean;
  /** Sign-in failures and password resets allowed per account, whatever the client. */
  accountThrottle?: AccountThrottleOptions;
};

/**
 * The self-hosted identity provider: e-mail and password accounts, organizations with roles, and
 * RS256 JWTs (issuer = baseURL, audience "convex") that Convex verifies through auth.config.ts.
 */
export function createEchoAuth(options: EchoAuthOptions) {
  const database = new DatabaseSync(options.databasePath);
  database.exec("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;");
  const memberRole = () =>
    database.prepare("SELECT role FROM member WHERE organizationId = ? AND userId = ?");
  // A new session reopens the organization the operator used last, if still a member.
  const lastOrganization = (userId: string) => {
    const row = database
      .prepare(
        `SELECT m.organizationId AS id FROM member m JOIN user u ON u.id = m.userId
         WHERE m.userId = ? ORDER BY (m.organizationId = u.lastOrganizationId) DESC, m.createdAt DESC LIMIT 1`,
      )
      .get(userId) as { id?: string } | undefined;
    return row?.id ?? null;
  };

  const changed = async (
    type: OrganizationEvent["type"],
    organization: { id: string; name: string; slug: string },
  ) => {
    await options.onIdentityEvent?.({
      type,
      data: { id: organization.id, name: organization.name, slug: organization.slug },
    });
  };
  type Person = { id: string; name: string; email: string; image?: string | null };
  const userChanged = async (type: "user.created" | "user.updated", user: Person) => {
    await options.onIdentityEvent?.({
      type,
      data: {
        id: user.id,
        first_name: user.name,
        last_name: null,
        image_url: user.image ?? null,
        primary_email_address_id: "email",
        email_addresses: [{ id: "email", email_address: user.email }],
      },
    });
  };
  const membershipChanged = async (
    type: MembershipEvent["type"],
    {
      member,
      user,
      organization,
    }: {
      member: { id: string; role: string };
      user: Person;
      organization: { id: string; name: string; slug: string };
    },
  ) => {
    await options.onIdentityEvent?.({
      type,
      data: {
        id: member.id,
        role: member.role,
        organization: { id: organization.id, name: organization.name, slug: organization.slug },
        public_user_data: {
          user_id: user.id,
          first_name: user.name,
          last_name: null,
          identifier: user.email,
          image_url: user.image ?? null,
        },
      },
    });
  };

  const requireEmailVerification = options.requireEmailVerification ?? false;
  const auth = betterAuth({
    database,
    baseURL: options.baseURL,
    secret: options.secret,
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      requireEmailVerification,
      // Whoever had the old password is signed out everywhere once it is reset.
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }) => {
        await options.notify({ kind: "password-reset", to: user.email, url });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: requireEmailVerification,
      autoSignInAfterVerification: true,
      sendVerificationEmail: async ({ user, url }) => {
        await options.notify({ kind: "email-verification", to: user.email, url });
      },
    },
    user: {
      additionalFields: {
        lastOrganizationId: { type: "string", required: false, input: false },
      },
    },
    databaseHooks: {
      user: {
        create: { after: async (user) => await userChanged("user.created", user) },
        update: { after: async (user) => await userChanged("user.updated", user) },
      },
      session: {
        create: {
          before: async (session) => ({
            data: { ...session, activeOrganizationId: lastOrganization(session.userId) },
          }),
        },
        update: {
          after: async (session) => {
            const active = (session as { activeOrganizationId?: string | null })
              .activeOrganizationId;
            if (active) {
              database
                .prepare("UPDATE user SET lastOrganizationId = ? WHERE id = ?")
                .run(active, session.userId);
            }
          },
        },
      },
    },
    hooks: {
      // Leaving an organization runs no organization hook; report it like a removal.
      after: createAuthMiddleware(async (ctx) => {
        const left = ctx.context.returned as { userId?: string; organizationId?: string } | null;
        if (ctx.path !== "/organization/leave" || !left?.userId || !left.organizationId) return;
        const user = database
          .prepare("SELECT id, name, email, image FROM user WHERE id = ?")
          .get(left.userId) as Person | undefined;
        const organization = database
          .prepare("SELECT id, name, slug FROM organization WHERE id = ?")
          .get(left.organizationId) as { id: string; name: string; slug: string } | undefined;
        if (!user || !organization) return;
        await membershipChanged("organizationMembership.deleted", {
          member: left as { id: string; role: string },
          user,
          organization,
        });
      }),
    },
    advanced: {
      ipAddress: {
        ipAddressHeaders: options.clientIpHeader ? [options.clientIpHeader.toLowerCase()] : [],
      },
    },
    rateLimit: {
      enabled: true,
      customStorage: fixedWindowLimits(),
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": { window: 60, max: options.signInAttemptsPerMinute ?? 10 },
        "/request-password-reset": { window: 60, max: 5 },
        // Six digits are guessed in a million tries; a few a minute keep that out of reach.
        "/two-factor/verify-totp": { window: 60, max: 5 },
        "/two-factor/verify-backup-code": { window: 60, max: 5 },
        // Every dashboard page reads both with a session cookie; counted, a team sharing one address got 429s.
        "/get-session": false,
        "/token": false,
        // The organization switcher and the team page read these on every signed-in page.
        "/organization/list": false,
        "/organization/get-full-organization": false,
        // The backend reads the signing keys to verify every new token, all from one address.
        "/jwks": false,
      },
    },
    plugins: [
      organization({
        allowUserToCreateOrganization: true,
        creatorRole: "owner",
        requireEmailVerificationOnInvitation: requireEmailVerification,
        organizationHooks: {
          afterCreateOrganization: async ({ organization }) => {
            await changed("organization.created", organization);
          },
          afterUpdateOrganization: async ({ organization }) => {
            if (organization) await changed("organization.updated", organization);
          },
          afterDeleteOrganization: async ({ organization }) => {
            await changed("organization.deleted", organization);
          },
          // Creating an organization adds its creator through afterAddMember too.
          afterAddMember: async (data) => {
            await membershipChanged("organizationMembership.created", data);
          },
          afterAcceptInvitation: async (data) => {
            await membershipChanged("organizationMembership.created", data);
          },
          afterUpdateMemberRole: async (data) => {
            await membershipChanged("organizationMembership.updated", data);
          },
          afterRemoveMember: async (data) => {
            await membershipChanged("organizationMembership.deleted", data);
          },
        },
        sendInvitationEmail: async ({ email, id }) => {
          await options.notify({
            kind: "invitation",
            to: email,
            url: `${options.baseURL}/accept-invitation/${id}`,
          });
        },
      }),
      jwt({
        jwks: { keyPairConfig: { alg: "RS256", modulusLength: 2048 } },
        jwt: {
          issuer: options.baseURL,
          audience: TOKEN_AUDIENCE,
          expirationTime: TOKEN_LIFETIME,
          definePayload: ({ user, session }) => {
            const orgId = (session.activeOrganizationId as string | null | undefined) ?? null;
            const row = orgId
              ? (memberRole().get(orgId, user.id) as { role?: string } | undefined)
              : undefined;
            return {
              name: user.name,
              email: user.email,
              email_verified: user.emailVerified,
              org_id: row ? orgId : null,
              org_role: row?.role ?? null,
            };
          },
        },
      }),
      // TOTP (RFC 6238, 30 s, 6 digits) with recovery codes; sign-in then asks for a code.
      twoFactor({ issuer: "Echo" }),
      accountThrottle(options.accountThrottle),
      nextCookies(),
    ],
  });

  let migrated: Promise<void> | undefined;
  /** Creates or upgrades the identity tables; safe to call on every start. */
  const migrate = () => {
    migrated ??= getMigrations(auth.options).then(({ runMigrations }) => runMigrations());
    return migrated;
  };

  /**
   * Reports every organization, user and membership again, so a backend that missed events (or
   * data from before they were sent) catches up; the backend's upserts make repeats harmless.
   */
  const resync = async () => {
    const organizations = database.prepare("SELECT id, name, slug FROM organization").all() as {
      id: string;
      name: string;
      slug: string;
    }[];
    for (const organization of organizations) await changed("organization.updated", organization);
    const users = database.prepare("SELECT id, name, email, image FROM user").all() as Person[];
    for (const user of users) await userChanged("user.updated", user);
    const members = database
      .prepare("SELECT id, role, userId, organizationId FROM member")
      .all() as { id: string; role: string; userId: string; organizationId: string }[];
    for (const member of members) {
      const user = users.find((candidate) => candidate.id === member.userId);
      const organization = organizations.find((org) => org.id === member.organizationId);
      if (user && organization)
        await membershipChanged("organizationMembership.updated", { member, user, organization });
    }
  };

  return { auth, migrate, resync, close: () => database.close() };
}

export type EchoAuth = ReturnType<typeof createEchoAuth>["auth"];
