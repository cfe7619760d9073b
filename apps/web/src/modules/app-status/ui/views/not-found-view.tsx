import { Button } from "@echo/ui/components/button";
import { SearchXIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { Link } from "@/i18n/navigation";

/** What any address the dashboard has no page for shows, in the visitor's language. */
export function NotFoundView() {
  const t = useTranslations("appStatus.notFound");
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <SearchXIcon aria-hidden className="size-10 text-muted-foreground" />
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-muted-foreground">{t("description")}</p>
      <Button asChild>
        <Link href="/conversations">{t("home")}</Link>
      </Button>
    </main>
  );
}
