"use client";

import { Avatar } from "@echo/ui/components/avatar";
import { Badge } from "@echo/ui/components/badge";
import { Button } from "@echo/ui/components/button";
import { Input } from "@echo/ui/components/input";
import { Label } from "@echo/ui/components/label";
import { SkeletonList } from "@echo/ui/components/skeleton";
import { toast } from "@echo/ui/components/toaster";
import { useTranslations } from "next-intl";
import { type FormEvent, useCallback, useEffect, useState } from "react";

import { authClient } from "@/modules/auth/lib/auth-client";
import { authErrorKey } from "@/modules/auth/lib/auth-error-key";
import { CopyButton } from "@/modules/dashboard/ui/components/copy-button";

import { asRole, assignableRoles, canManage, type Role } from "../../lib/roles";

type Member = { id: string; userId: string; role: string; user: { name: string; email: string } };
type Invitation = { id: string; email: string; role: string; status: string };
type FullOrganization = { name: string; members: Member[]; invitations: Invitation[] };

export function TeamView({ userId }: { userId: string }) {
  const t = useTranslations("team");
  const tCopy = useTranslations("copyLink");
  const tToasts = useTranslations("actionToasts");
  const [organization, setOrganization] = useState<FullOrganization | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((current) => current + 1), []);

  useEffect(() => {
    let current = true;
    void authClient.organization.getFullOrganization().then(({ data, error: failure }) => {
      if (!current) return;
      if (failure) setError(t(`errors.${authErrorKey(failure)}`));
      else setOrganization(data as FullOrganization | null);
    });
    return () => {
      current = false;
    };
  }, [t, version]);

  async function act(action: () => Promise<{ error: unknown }>, success?: string) {
    setError(null);
    setNotice(null);
    const { error: failure } = await action();
    if (failure) {
      setError(t(`errors.${authErrorKey(failure as { status?: number; code?: string })}`));
      return false;
    }
    if (success) setNotice(success);
    reload();
    return true;
  }

  if (!organization) {
    return error ? (
      <p role="alert" className="m-6 text-sm text-destructive">
        {error}
      </p>
    ) : (
      <SkeletonList className="m-6" label={t("loading")} rows={3} />
    );
  }

  const me = asRole(organization.members.find((member) => member.userId === userId)?.role);
  const invitationLink = (id: string) => `${window.location.origin}/accept-invitation/${id}`;

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("organizationName")).trim();
    if (name) await act(() => authClient.organization.update({ data: { name } }), t("renamed"));
  }

  async function invite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const done = await act(
      () =>
        authClient.organization.inviteMember({
          email: String(data.get("inviteEmail")).trim(),
          role: asRole(String(data.get("inviteRole"))) as "admin" | "member",
        }),
      t("invited"),
    );
    if (done) {
      toast.success(tToasts("inviteSent", { email: String(data.get("inviteEmail")).trim() }));
      form.reset();
    }
  }

  return (
    <section className="mx-auto grid max-w-3xl gap-6 p-6">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="text-sm text-muted-foreground">
          {notice}
        </p>
      ) : null}

      {canManage(me) ? (
        <form className="grid gap-2 sm:grid-cols-[1fr_auto]" onSubmit={rename}>
          <div className="grid gap-1.5">
            <Label htmlFor="organizationName">{t("organizationName")}</Label>
            <Input
              id="organizationName"
              name="organizationName"
              defaultValue={organization.name}
              maxLength={80}
              required
            />
          </div>
          <Button type="submit" variant="outline" className="self-end">
            {t("rename")}
          </Button>
        </form>
      ) : null}

      <div className="grid gap-2">
        <h2 className="font-medium">{t("members")}</h2>
        <ul className="divide-y rounded-lg border" aria-label={t("members")}>
          {organization.members.map((member) => {
            const role = asRole(member.role);
            const manageable = member.userId !== userId && canManage(me, role);
            return (
              <li
                key={member.id}
                className="flex flex-wrap items-center gap-3 p-3 text-sm"
                data-testid="team-member"
              >
                <Avatar name={member.user.name} colorKey={member.userId} />
                <div className="min-w-0 flex-1">
                  <div className="truncate font-medium">{member.user.name}</div>
                  <div className="truncate text-muted-foreground">{member.user.email}</div>
                </div>
                {manageable ? (
                  <>
                    <select
                      aria-label={t("roleOf", { name: member.user.name })}
                      className="h-8 rounded-md border bg-background px-2"
                      value={role}
                      onChange={(event) =>
                        void act(() =>
                          authClient.organization.updateMemberRole({
                            memberId: member.id,
                            role: event.target.value as Role,
                          }),
                        )
                      }
                    >
                      {assignableRoles(me).map((option) => (
                        <option key={option} value={option}>
                          {t(`roles.${option}`)}
                        </option>
                      ))}
                    </select>
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() =>
                        void act(() =>
                          authClient.organization.removeMember({ memberIdOrEmail: member.id }),
                        )
                      }
                    >
                      {t("remove")}
                    </Button>
                  </>
                ) : (
                  <Badge variant="secondary">{t(`roles.${role}`)}</Badge>
                )}
              </li>
            );
          })}
        </ul>
      </div>

      {canManage(me) ? (
        <div className="grid gap-3">
          <h2 className="font-medium">{t("invite")}</h2>
          <form className="grid gap-2 sm:grid-cols-[1fr_auto_auto]" onSubmit={invite}>
            <div className="grid gap-1.5">
              <Label htmlFor="inviteEmail">{t("email")}</Label>
              <Input id="inviteEmail" name="inviteEmail" type="email" required />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="inviteRole">{t("role")}</Label>
              <select
                id="inviteRole"
                name="inviteRole"
                className="h-9 rounded-md border bg-background px-2 text-sm"
                defaultValue="member"
              >
                {assignableRoles(me)
                  .filter((option) => option !== "owner")
                  .map((option) => (
                    <option key={option} value={option}>
                      {t(`roles.${option}`)}
                    </option>
                  ))}
              </select>
            </div>
            <Button type="submit" className="self-end">
              {t("sendInvite")}
            </Button>
          </form>
          {organization.invitations.filter((invitation) => invitation.status === "pending").length >
          0 ? (
            <ul className="grid gap-2" aria-label={t("pending")}>
              {organization.invitations
                .filter((invitation) => invitation.status === "pending")
                .map((invitation) => (
                  <li
                    key={invitation.id}
                    className="grid gap-1 rounded-lg border p-3 text-sm"
                    data-testid="team-invitation"
                  >
                    <div className="flex items-center justify-between gap-2">
                      <span className="truncate">
                        {invitation.email} · {t(`roles.${asRole(invitation.role)}`)}
                      </span>
                      <Button
                        variant="ghost"
                        size="sm"
                        onClick={() =>
                          void act(() =>
                            authClient.organization.cancelInvitation({
                              invitationId: invitation.id,
                            }),
                          )
                        }
                      >
                        {t("cancelInvite")}
                      </Button>
                    </div>
                    <div className="flex gap-2">
                      <Input
                        readOnly
                        value={invitationLink(invitation.id)}
                        aria-label={t("inviteLink", { email: invitation.email })}
                      />
                      <CopyButton
                        variant="outline"
                        text={invitationLink(invitation.id)}
                        label={tCopy("copy")}
                        copiedLabel={tCopy("copied")}
                        copiedToast={tToasts("copied", {
                          what: t("inviteLink", { email: invitation.email }),
                        })}
                        aria-label={tCopy("copyFor", { email: invitation.email })}
                      />
                    </div>
                  </li>
                ))}
            </ul>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">{t("membersCannotManage")}</p>
      )}
    </section>
  );
}
