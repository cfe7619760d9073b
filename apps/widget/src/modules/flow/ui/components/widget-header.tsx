import { buttonVariants } from "@echo/ui/lib/button-variants";

import { BackIcon, CloseIcon } from "./shell-icons";

// Part of the first paint, so plain buttons with the shared button classes: no class merging code.
// Relative imports only: the dashboard's preview renders this header too (modules/preview).
const iconButton = buttonVariants({ variant: "ghost", size: "icon" });

/**
 * Title bar: back (when there is somewhere to go back to), the organization's logo and name with
 * the screen under it, and close. Its words come in as props, so it renders outside the widget.
 */
export function WidgetHeader({
  title,
  subtitle,
  logoUrl,
  text,
  onBack,
  onClose,
}: {
  title: string;
  subtitle?: string;
  logoUrl?: string | null;
  text: { back: string; close: string; logoAlt: string };
  onBack?: () => void;
  onClose: () => void;
}) {
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
          className="size-8 shrink-0 rounded-full bg-background object-contain"
        />
      ) : null}
      <div className="min-w-0 flex-1">
        <h1 className="truncate text-base leading-tight font-semibold">{title}</h1>
        {subtitle ? <p className="truncate text-xs leading-tight">{subtitle}</p> : null}
      </div>
      <button type="button" className={iconButton} aria-label={text.close} onClick={onClose}>
        <CloseIcon />
      </button>
    </header>
  );
}
