import { cn } from "@echo/ui/lib/utils";
import { LauncherPreview, WidgetPreview as Widget } from "@echo/widget/preview";
import widgetEn from "@echo/widget/messages/en.json";
import widgetPtBr from "@echo/widget/messages/pt-BR.json";
import { useTranslations } from "next-intl";

import type { Language, WidgetSettingsForm } from "../../lib/widget-settings-form";

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/**
 * The widget as visitors will see it with these settings, drawn by the widget's own components in
 * the language being edited, above the loader's launcher.
 */
export function WidgetPreview({
  form,
  language,
  logoUrl,
  organizationName,
}: {
  form: WidgetSettingsForm;
  /** The language whose greeting is being edited; the preview speaks it. */
  language: Language;
  logoUrl: string | null;
  organizationName: string;
}) {
  const t = useTranslations("customization.preview");
  const copy = form.copy[language];
  const suggestions = copy.suggestions.filter((suggestion) => suggestion.trim());
  // Half-typed hex codes keep the last complete color out of the preview.
  const colors = {
    primary: HEX_COLOR.test(form.colors.primary) ? form.colors.primary : "",
    background: HEX_COLOR.test(form.colors.background) ? form.colors.background : "",
    text: HEX_COLOR.test(form.colors.text) ? form.colors.text : "",
  };
  const side = form.position === "bottom-left" ? "left-4" : "right-4";
  return (
    <figure aria-label={t("label")} className="grid gap-2">
      <div
        className="relative h-[34rem] overflow-hidden rounded-xl border bg-muted/40"
        data-testid="widget-preview"
        inert
      >
        <div
          className={cn(
            "absolute bottom-20 h-[28rem] w-80 overflow-hidden rounded-xl shadow-lg",
            side,
          )}
        >
          <Widget
            locale={language}
            messages={language === "pt-BR" ? widgetPtBr : widgetEn}
            organizationName={organizationName}
            logoUrl={logoUrl}
            colors={colors}
            greeting={copy.greeting || t("emptyGreeting")}
            suggestions={suggestions}
          />
        </div>
        <div className={cn("absolute bottom-4", side)}>
          <LauncherPreview primary={colors.primary} position={form.position} />
        </div>
      </div>
      <figcaption className="text-xs text-muted-foreground">{t("caption")}</figcaption>
    </figure>
  );
}
