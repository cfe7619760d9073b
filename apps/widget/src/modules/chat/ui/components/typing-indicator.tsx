import { useTranslations } from "next-intl";

/** Bouncing dots; with `label`, also the words, as for "Ana is typing…". */
export function TypingIndicator({ label }: { label?: string }) {
  const t = useTranslations("chat");
  return (
    <div
      role="status"
      aria-label={label ?? t("typing")}
      className="flex w-fit items-center gap-1 rounded-2xl border bg-card px-3 py-3"
    >
      {[0, 150, 300].map((delay) => (
        <span
          key={delay}
          aria-hidden
          className="size-1.5 animate-bounce rounded-full bg-card-foreground"
          style={{ animationDelay: `${delay}ms` }}
        />
      ))}
      {label ? (
        <span aria-hidden className="ml-1 text-xs text-muted-foreground">
          {label}
        </span>
      ) : null}
    </div>
  );
}
