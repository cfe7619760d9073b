import type { ReactNode } from "react";

/** One block of a settings page: a heading, a line on what it does, its controls. */
export function SettingsCard({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <section aria-label={title} className="grid gap-4 rounded-lg border p-4">
      <div className="grid gap-1">
        <h2 className="font-medium">{title}</h2>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
