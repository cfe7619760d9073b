import { useTranslations } from "next-intl";

export function TypingIndicator() {
  const t = useTranslations("chat");
  return (
    <div
      role="status"
      aria-label={t("typing")}
      className="flex w-fit gap-1 rounded-2xl border bg-card px-3 py-3"
    >
      {[0, 150, 300].map((delay) => (
        <span
          key={delay}
          aria-hidden
          className="size-1.5 animate-bounce rounded-full bg-card-foreground"
          style={{ animationDelay: `${delay}ms` }}
        />
      ))}
    </div>
  );
}
