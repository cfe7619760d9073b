import { Button } from "@echo/ui/components/button";
import { ArrowLeft, X } from "lucide-react";
import { useTranslations } from "next-intl";

/** Title bar: back (when there is somewhere to go back to), the brand, and close. */
export function WidgetHeader({
  title,
  logoUrl,
  organizationName,
  onBack,
  onClose,
}: {
  title: string;
  logoUrl?: string | null;
  organizationName?: string | null;
  onBack?: () => void;
  onClose: () => void;
}) {
  const t = useTranslations("widget");
  return (
    <header className="flex items-center gap-2 bg-primary px-3 py-2 text-primary-foreground">
      {onBack ? (
        <Button variant="ghost" size="icon" aria-label={t("back")} onClick={onBack}>
          <ArrowLeft aria-hidden />
        </Button>
      ) : null}
      {logoUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- logo is served by Convex storage, not a static asset
        <img
          src={logoUrl}
          alt={t("logoAlt", { name: organizationName ?? title })}
          className="size-8 rounded-full bg-background object-contain"
        />
      ) : null}
      <h1 className="min-w-0 flex-1 truncate text-base font-semibold">{title}</h1>
      <Button variant="ghost" size="icon" aria-label={t("close")} onClick={onClose}>
        <X aria-hidden />
      </Button>
    </header>
  );
}
