"use client";

import { cn } from "@echo/ui/lib/utils";
import { useTranslations } from "next-intl";

import { Link, usePathname } from "@/i18n/navigation";

import type { SettingsSection } from "../../lib/settings-sections";

/**
 * Settings' sections, grouped into the member's own and the organization's: a column beside the
 * page from md up, a wrapped list above it on phones, so every section is on screen.
 */
export function SettingsNav({ sections }: { sections: SettingsSection[] }) {
  const t = useTranslations();
  const pathname = usePathname();
  const groups = (["account", "organization"] as const)
    .map((group) => ({ group, items: sections.filter((section) => section.group === group) }))
    .filter(({ items }) => items.length > 0);
  return (
    <nav aria-label={t("settings.navigation")} className="grid content-start gap-4 self-start">
      {groups.map(({ group, items }) => (
        <div key={group} className="grid gap-1">
          <h2 className="px-3 text-xs font-medium uppercase tracking-wide text-muted-foreground">
            {t(`settings.groups.${group}`)}
          </h2>
          <ul className="flex flex-wrap gap-1 md:flex-col">
            {items.map(({ segment, label }) => {
              const href = `/settings/${segment}`;
              const active = pathname === href;
              return (
                <li key={segment} className="shrink-0">
                  <Link
                    href={href}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "block rounded-md px-3 py-2 text-sm hover:bg-accent",
                      active && "bg-accent font-medium",
                    )}
                  >
                    {t(label)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
