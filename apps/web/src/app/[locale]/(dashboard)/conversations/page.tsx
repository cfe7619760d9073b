import { useTranslations } from "next-intl";

export default function ConversationsPage() {
  const t = useTranslations("conversations");
  return (
    <div className="flex h-full items-center justify-center p-6 text-sm text-muted-foreground">
      {t("selectPrompt")}
    </div>
  );
}
