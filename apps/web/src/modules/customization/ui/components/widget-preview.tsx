import { cn } from "@echo/ui/lib/utils";
import { useTranslations } from "next-intl";

import type { WidgetSettingsForm } from "../../lib/widget-settings-form";

/** A static picture of the widget as visitors will see it with these settings. */
export function WidgetPreview({
  form,
  logoUrl,
}: {
  form: WidgetSettingsForm;
  logoUrl: string | null;
}) {
  const t = useTranslations("customization.preview");
  const suggestions = form.suggestions.filter((suggestion) => suggestion.trim());
  return (
    <figure aria-label={t("label")} className="grid gap-2">
      <div
        className="relative h-[30rem] overflow-hidden rounded-xl border bg-muted/40"
        data-testid="widget-preview"
      >
        <div
          className={cn(
            "absolute bottom-20 flex h-96 w-72 flex-col overflow-hidden rounded-xl border shadow-lg",
            form.position === "bottom-left" ? "left-4" : "right-4",
          )}
          style={{ background: form.colors.background, color: form.colors.text }}
        >
          <div
            className="flex items-center gap-2 p-3"
            style={{ background: form.colors.primary, color: form.colors.background }}
          >
            {logoUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- a user-uploaded logo from Convex storage
              <img src={logoUrl} alt="" className="size-6 rounded" />
            ) : null}
            <span className="text-sm font-semibold">{t("title")}</span>
          </div>
          <div className="flex flex-1 flex-col gap-2 p-3 text-sm">
            <p className="w-fit max-w-[85%] rounded-lg border px-3 py-2">
              {form.greeting || t("emptyGreeting")}
            </p>
            <div className="mt-auto flex flex-wrap gap-1">
              {suggestions.map((suggestion) => (
                <span
                  key={suggestion}
                  className="rounded-full border px-2 py-1 text-xs"
                  style={{ borderColor: form.colors.primary, color: form.colors.primary }}
                >
                  {suggestion}
                </span>
              ))}
            </div>
          </div>
        </div>
        <div
          className={cn(
            "absolute bottom-4 size-12 rounded-full shadow-lg",
            form.position === "bottom-left" ? "left-4" : "right-4",
          )}
          style={{ background: form.colors.primary }}
          aria-hidden="true"
        />
      </div>
      <figcaption className="text-xs text-muted-foreground">{t("caption")}</figcaption>
    </figure>
  );
}
