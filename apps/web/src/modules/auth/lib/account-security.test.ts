// @vitest-environment node
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createEchoAuth, type Notice } from "./create-auth";

const baseURL = "http://localhost:3997";
const password = "correct horse battery";

// Each sign-up and sign-in hashes a password (scrypt), so a test takes seconds.
describe(
  "self-hosted accounts: verification, password reset and invitations",
  { timeout: 30_000 },
  () => {
    let dir: string;
    let notices: Notice[];
    const open: ReturnType<typeof createEchoAuth>[] = [];

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), "echo-auth-security-"));
      notices = [];
    });
    afterEach(() => {
      open.splice(0).forEach((instance) => instance.close());
      rmSync(dir, { recursive: true, force: true });
    });

    async function provider(requireEmailVerification: boolean) {
      const instance = createEchoAuth({
        databasePath: join(dir, "auth.sqlite"),
        baseURL,
        secret: "test-secret-test-secret-test-secret-0123",
        notify: (notice) => void notices.push(notice),
        requireEmailVerification,
      });
      open.push(instance);
      await instance.migrate();
      return instance.auth;
    }

    const cookiesOf = (response: Response) =>
      new Headers({
        cookie: response.headers
          .getSetCookie()
          .map((cookie) => cookie.split(";")[0])
          .join("; "),
      });
    const lastLink = (kind: Notice["kind"], to: string) =>
      notices.filter((notice) => notice.kind === kind && notice.to === to).at(-1)?.url;

    type Auth = Awaited<ReturnType<typeof provider>>;
    const signUp = async (auth: Auth, email: string) =>
      cookiesOf(
        await auth.api.signUpEmail({
          body: { email, password, name: email.split("@")[0]! },
          asResponse: true,
        }),
      );
    const signIn = (auth: Auth, email: string, secret = password) =>
      auth.api.signInEmail({ body: { email, password: secret }, asResponse: true });
    const follow = (auth: Auth, url: string) => auth.handler(new Request(url));

    it("resetting a password signs out every session the old password opened", async () => {
      const auth = await provider(false);
      const laptop = await signUp(auth, "stolen@example.com");
      const thief = cookiesOf(await signIn(auth, "stolen@example.com"));
      expect(await auth.api.getSession({ headers: thief })).not.toBeNull();

      await auth.api.requestPasswordReset({
        body: { email: "stolen@example.com", redirectTo: "/reset-password" },
      });
      const token = new URL(lastLink("password-reset", "stolen@example.com")!).pathname
        .split("/")
        .at(-1)!;
      await auth.api.resetPassword({ body: { token, newPassword: "a brand new secret" } });

      expect(await auth.api.getSession({ headers: thief })).toBeNull();
      expect(await auth.api.getSession({ headers: laptop })).toBeNull();
      expect((await signIn(auth, "stolen@example.com", "a brand new secret")).status).toBe(200);
    });

    it("in local mode a sign-up is signed in at once and its confirmation link is only logged", async () => {
      const auth = await provider(false);
      const headers = await signUp(auth, "local@example.com");
      expect(await auth.api.getSession({ headers })).not.toBeNull();
      expect(lastLink("email-verification", "local@example.com")).toContain("/verify-email");
    });

    it("when verification is required, nobody signs in with an address they have not confirmed", async () => {
      const auth = await provider(true);
      const squatter = await signUp(auth, "ceo@example.com");
      expect(await auth.api.getSession({ headers: squatter })).toBeNull();

      const refused = await signIn(auth, "ceo@example.com");
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ code: "EMAIL_NOT_VERIFIED" });

      // The owner of the mailbox follows the link they were sent, and is signed in by it.
      const link = lastLink("email-verification", "ceo@example.com")!;
      const verified = await follow(auth, link);
      expect(verified.status).toBe(302);
      const session = await auth.api.getSession({ headers: cookiesOf(verified) });
      expect(session?.user).toMatchObject({ email: "ceo@example.com", emailVerified: true });
      expect((await signIn(auth, "ceo@example.com")).status).toBe(200);
    });

    it("an invitation is accepted only by the invited address, and only once it is confirmed", async () => {
      // Accounts and sessions made while verification was optional, as before it was turned on.
      const before = await provider(false);
      const owner = await signUp(before, "owner@example.com");
      const invitee = await signUp(before, "agent@example.com");
      const stranger = await signUp(before, "stranger@example.com");
      open.pop()!.close();

      const auth = await provider(true);
      const org = await auth.api.createOrganization({
        body: { name: "Bound", slug: "bound" },
        headers: owner,
      });
      const invitation = await auth.api.createInvitation({
        body: { email: "agent@example.com", role: "member", organizationId: org!.id },
        headers: owner,
      });
      const accept = (headers: Headers) =>
        auth.api.acceptInvitation({
          body: { invitationId: invitation.id },
          headers,
          asResponse: true,
        });

      const byStranger = await accept(stranger);
      expect(byStranger.status).toBe(403);
      expect(await byStranger.json()).toMatchObject({
        code: "YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION",
      });
      const unconfirmed = await accept(invitee);
      expect(unconfirmed.status).toBe(403);
      expect(await unconfirmed.json()).toMatchObject({
        code: "EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION",
      });

      await follow(auth, lastLink("email-verification", "agent@example.com")!);
      expect((await accept(invitee)).status).toBe(200);
    });
  },
);
