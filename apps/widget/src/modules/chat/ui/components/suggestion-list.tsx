import { Button } from "@echo/ui/components/button";
import { useTranslations } from "next-intl";

export function SuggestionList({
  suggestions,
  disabled,
  onPick,
}: {
  suggestions: readonly string[];
  disabled: boolean;
  onPick: (text: string) => void;
}) {
  const t = useTranslations("chat");
  if (suggestions.length === 0) return null;
  return (
    <ul aria-label={t("suggestions")} className="flex flex-wrap gap-2">
      {suggestions.map((suggestion) => (
        <li key={suggestion}>
          <Button
            variant="outline"
            size="sm"
            disabled={disabled}
            onClick={() => onPick(suggestion)}
            className="h-auto whitespace-normal py-1.5 text-left"
          >
            {suggestion}
          </Button>
        </li>
      ))}
    </ul>
  );
}
