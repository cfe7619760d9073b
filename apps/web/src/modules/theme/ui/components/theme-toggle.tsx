"use client";

import { useHydrated } from "@echo/ui/lib/use-hydrated";
import { Moon, Sun } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { parseTheme, type Theme, themeCookie } from "../../lib/theme";

/** Switches the dashboard between the light and dark color tokens, remembered in a cookie. */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const t = useTranslations("theme");
  const [theme, setTheme] = useState(initial);
  const dark = parseTheme(theme) === "dark";
  // Before hydration a click would be lost: the button is disabled until it can act.
  const hydrated = useHydrated();

  function toggle() {
    const next: Theme = dark ? "light" : "dark";
    document.documentElement.classList.toggle("dark", next === "dark");
    document.cookie = themeCookie(next);
    setTheme(next);
  }

  return (
    <button
      type="button"
      aria-pressed={dark}
      disabled={!hydrated}
      onClick={toggle}
      className="inline-flex w-full items-center gap-2 rounded-md border bg-background px-2 py-1 text-sm hover:bg-accent disabled:cursor-wait"
    >
      {dark ? <Moon aria-hidden className="size-4" /> : <Sun aria-hidden className="size-4" />}
      {t("dark")}
    </button>
  );
}
