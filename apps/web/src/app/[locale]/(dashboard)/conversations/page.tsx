import { useTranslations } from "next-intl";

export default function ConversationsPage() {
  const t = useTranslations("conversations");
  return (
    <section className="p-6">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-sm text-muted-foreground">{t("empty")}</p>
    </section>
  );
}
