import { Button } from "@echo/ui/components/button";
import { TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";

import type { FlowError } from "@/modules/flow/lib/screen-flow";

/** Never a blank frame: every failure to start says what happened and, where it helps, offers a retry. */
export function ErrorScreen({ error, onRetry }: { error: FlowError; onRetry: () => void }) {
  const t = useTranslations("error");
  return (
    <div
      role="alert"
      className="flex flex-1 flex-col items-center justify-center gap-3 p-6 text-center"
    >
      <TriangleAlert aria-hidden className="size-8 text-destructive" />
      <h2 className="text-base font-semibold">{t("title")}</h2>
      <p className="text-sm">{t(error)}</p>
      {error === "UNAVAILABLE" || error === "UNEXPECTED" ? (
        <Button variant="outline" onClick={onRetry}>
          {t("retry")}
        </Button>
      ) : null}
    </div>
  );
}
