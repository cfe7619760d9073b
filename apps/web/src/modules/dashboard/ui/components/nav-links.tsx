"use client";

import { cn } from "@echo/ui/lib/utils";
import {
  BookOpenIcon,
  ChartColumnIcon,
  ContactRoundIcon,
  CreditCardIcon,
  MessagesSquareIcon,
  MicIcon,
  PaletteIcon,
  PlugIcon,
  SettingsIcon,
  UsersIcon,
} from "lucide-react";
import { useTranslations } from "next-intl";

import { Link, usePathname } from "@/i18n/navigation";

// Each section joins this list when its page exists.
const ITEMS = [
  { href: "/conversations", key: "conversations", Icon: MessagesSquareIcon },
  { href: "/contacts", key: "contacts", Icon: ContactRoundIcon },
  { href: "/knowledge-base", key: "knowledgeBase", Icon: BookOpenIcon },
  { href: "/customization", key: "customization", Icon: PaletteIcon },
  { href: "/integrations", key: "integrations", Icon: PlugIcon },
  { href: "/plugins/vapi", key: "voice", Icon: MicIcon },
  { href: "/analytics", key: "analytics", Icon: ChartColumnIcon },
  { href: "/team", key: "team", Icon: UsersIcon },
  { href: "/billing", key: "billing", Icon: CreditCardIcon },
  { href: "/settings", key: "settings", Icon: SettingsIcon },
] as const;

/** The dashboard's sections, one per line with its icon; `onNavigate` lets a drawer close. */
export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const t = useTranslations("dashboard.nav");
  const pathname = usePathname();
  return (
    <ul className="flex flex-col gap-1">
      {ITEMS.map(({ href, key, Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={href}>
            <Link
              href={href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm hover:bg-accent",
                active && "bg-accent font-medium",
              )}
            >
              <Icon aria-hidden className="size-4 shrink-0 text-muted-foreground" />
              {t(key)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
