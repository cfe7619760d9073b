"use client";

import { cn } from "@echo/ui/lib/utils";
import { useTranslations } from "next-intl";

import { Link, usePathname } from "@/i18n/navigation";

// Each section joins this list when its page exists.
const ITEMS = [
  { href: "/conversations", key: "conversations" },
  { href: "/knowledge-base", key: "knowledgeBase" },
  { href: "/customization", key: "customization" },
  { href: "/integrations", key: "integrations" },
  { href: "/plugins/vapi", key: "voice" },
  { href: "/analytics", key: "analytics" },
  { href: "/team", key: "team" },
  { href: "/billing", key: "billing" },
] as const;

export function NavLinks() {
  const t = useTranslations("dashboard.nav");
  const pathname = usePathname();
  return (
    <ul className="flex gap-1 md:flex-col">
      {ITEMS.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "block whitespace-nowrap rounded-md px-3 py-2 text-sm hover:bg-accent",
                active && "bg-accent font-medium",
              )}
            >
              {t(item.key)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
