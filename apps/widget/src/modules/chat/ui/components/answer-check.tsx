import { Button } from "@echo/ui/components/button";
import { useTranslations } from "next-intl";

/** Yes / No to "Did that answer your question?", sent as the visitor's own words. */
export function AnswerCheck({
  disabled,
  onPick,
}: {
  disabled: boolean;
  onPick: (text: string) => void;
}) {
  const t = useTranslations("answerCheck");
  return (
    <div role="group" aria-label={t("label")} className="flex gap-2">
      {(["yes", "no"] as const).map((reply) => (
        <Button
          key={reply}
          variant="outline"
          size="sm"
          disabled={disabled}
          onClick={() => onPick(t(reply))}
        >
          {t(reply)}
        </Button>
      ))}
    </div>
  );
}
