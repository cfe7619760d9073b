import type { Page } from "playwright-core";

import { launchBrowser, type TestBrowser } from "./browser";
import { signInAsDemoOperator, submitSignUp } from "./sign-in";

export type Invitee = { name: string; email: string; password: string };

/** The signed-in owner invites `email` from the Team page; returns the invitation link. */
export async function createInvitation(owner: Page, email: string): Promise<string> {
  await owner.getByRole("link", { name: "Team", exact: true }).click();
  await owner.getByLabel("Email").fill(email);
  await owner.getByRole("button", { name: "Create invitation" }).click();
  const link = owner.getByLabel(`Invitation link for ${email}`);
  await link.waitFor();
  return await link.inputValue();
}

/** The invitee signs up from the link, accepts and lands in the inbox. */
export async function acceptInvitation(
  member: Page,
  invitationLink: string,
  dashboardUrl: string,
  invitee: Invitee,
): Promise<void> {
  await member.goto(invitationLink);
  await member.getByRole("link", { name: "Sign up" }).click();
  await member.getByLabel("Your name").fill(invitee.name);
  await member.getByLabel("Email").fill(invitee.email);
  await member.getByLabel("Password").fill(invitee.password);
  await submitSignUp(member);
  await member.getByRole("button", { name: "Accept invitation" }).click();
  await member.waitForURL(`${dashboardUrl}/en/conversations`);
}

/** The owner invites a new member, who signs up and joins the organization. */
export async function inviteMember(
  owner: Page,
  member: Page,
  dashboardUrl: string,
  invitee: Invitee,
): Promise<void> {
  await acceptInvitation(
    member,
    await createInvitation(owner, invitee.email),
    dashboardUrl,
    invitee,
  );
}

export type OwnerAndMember = {
  ownerBrowser: TestBrowser;
  memberBrowser: TestBrowser;
  /** The demo owner, signed in. */
  owner: Page;
  /** A second browser's page, signed out, for the member the owner invites. */
  member: Page;
  dispose: () => Promise<void>;
};

/** Two browsers for a team journey: the signed-in demo owner and a member-to-be. */
export async function ownerAndMember(
  dashboardUrl: string,
  login: { email: string; password: string },
): Promise<OwnerAndMember> {
  const [ownerBrowser, memberBrowser] = await Promise.all([launchBrowser(), launchBrowser()]);
  const owner = await ownerBrowser.newPage();
  const member = await memberBrowser.newPage();
  await signInAsDemoOperator(owner, dashboardUrl, login);
  return {
    ownerBrowser,
    memberBrowser,
    owner,
    member,
    dispose: async () => {
      await Promise.all([ownerBrowser.dispose(), memberBrowser.dispose()]);
    },
  };
}
