import { buttonVariants } from "@echo/ui/lib/button-variants";
import { useShellText } from "@/i18n/use-shell-text";

import { BackIcon, CloseIcon } from "./shell-icons";

// Part of the first paint, so plain buttons with the shared button classes: no class merging code.
const iconButton = buttonVariants({ variant: "ghost", size: "icon" });

/** Title bar: back (when there is somewhere to go back to), the brand, and close. */
export function WidgetHeader({
  title,
  logoUrl,
  onBack,
  onClose,
}: {
  title: string;
  logoUrl?: string | null;
  onBack?: () => void;
  onClose: () => void;
}) {
  const text = useShellText();
  return (
    <header className="flex items-center gap-2 bg-primary px-3 py-2 text-primary-foreground">
      {onBack ? (
        <button type="button" className={iconButton} aria-label={text.back} onClick={onBack}>
          <BackIcon />
        </button>
      ) : null}
      {logoUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- logo is served by Convex storage, not a static asset
        <img
          src={logoUrl}
          alt={text.logoAlt}
          className="size-8 rounded-full bg-background object-contain"
        />
      ) : null}
      <h1 className="min-w-0 flex-1 truncate text-base font-semibold">{title}</h1>
      <button type="button" className={iconButton} aria-label={text.close} onClick={onClose}>
        <CloseIcon />
      </button>
    </header>
  );
}
