"use client";

import { Badge } from "@echo/ui/components/badge";
import { Button } from "@echo/ui/components/button";
import { ArrowLeft } from "lucide-react";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

import { Link, useRouter } from "@/i18n/navigation";

import { authClient } from "../../lib/auth-client";
import { authErrorKey } from "../../lib/auth-error-key";
import { slugify } from "../../lib/slugify";
import { AuthCard } from "../components/auth-card";
import { FormError } from "../components/form-error";
import { FormField } from "../components/form-field";

export function OrganizationSelectionView() {
  const t = useTranslations("auth");
  const tSwitcher = useTranslations("organizationSwitcher");
  const router = useRouter();
  const { data: organizations, isPending } = authClient.useListOrganizations();
  const { data: active } = authClient.useActiveOrganization();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose(organizationId: string) {
    setBusy(true);
    const { error: failure } = await authClient.organization.setActive({ organizationId });
    setBusy(false);
    if (failure) {
      setError(t(`errors.${authErrorKey(failure)}`));
      return;
    }
    router.replace("/conversations");
    router.refresh();
  }

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("organizationName")).trim();
    if (!name) return;
    setBusy(true);
    setError(null);
    const { data, error: failure } = await authClient.organization.create({
      name,
      slug: slugify(name, Math.random().toString(36).slice(2, 7)),
    });
    setBusy(false);
    if (failure || !data) {
      setError(t(`errors.${authErrorKey(failure)}`));
      return;
    }
    await choose(data.id);
  }

  return (
    <AuthCard title={t("organizations.title")} description={t("organizations.description")}>
      <div className="grid gap-6">
        <FormError message={error} />
        {isPending ? (
          <p className="text-sm text-muted-foreground">{t("organizations.loading")}</p>
        ) : organizations && organizations.length > 0 ? (
          <ul className="grid gap-2" aria-label={t("organizations.listLabel")}>
            {organizations.map((organization) => {
              const current = organization.id === active?.id;
              return (
                <li key={organization.id}>
                  <Button
                    variant={current ? "secondary" : "outline"}
                    className="w-full justify-between"
                    disabled={busy}
                    aria-current={current ? "true" : undefined}
                    onClick={() => choose(organization.id)}
                  >
                    <span className="truncate">{organization.name}</span>
                    {current ? <Badge variant="outline">{tSwitcher("current")}</Badge> : null}
                  </Button>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">{t("organizations.empty")}</p>
        )}
        <form className="grid gap-3" onSubmit={onCreate}>
          <FormField
            id="organizationName"
            label={t("organizations.newName")}
            required
            maxLength={80}
          />
          <Button type="submit" variant="secondary" disabled={busy}>
            {t("organizations.create")}
          </Button>
        </form>
        {active ? (
          <Link
            href="/conversations"
            className="inline-flex items-center gap-1 text-sm underline underline-offset-4"
          >
            <ArrowLeft aria-hidden className="size-4" />
            {tSwitcher("back", { name: active.name })}
          </Link>
        ) : null}
      </div>
    </AuthCard>
  );
}
