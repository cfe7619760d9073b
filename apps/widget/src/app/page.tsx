import { useTranslations } from "next-intl";

export default function WidgetPage() {
  const t = useTranslations("widget");
  return (
    <main className="flex h-full flex-col items-center justify-center gap-2 p-6 text-center">
      <h1 className="text-lg font-semibold">{t("title")}</h1>
      <p className="text-sm text-muted-foreground">{t("loading")}</p>
    </main>
  );
}
