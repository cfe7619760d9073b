import type { LucideIcon } from "lucide-react";
import type * as React from "react";

import { cn } from "../lib/utils";

/**
 * What an empty list says: an icon, one sentence, and the next thing to do (a button or link),
 * when there is one.
 */
function EmptyState({
  icon: Icon,
  title,
  action,
  className,
  ...props
}: Omit<React.ComponentProps<"div">, "title" | "children"> & {
  icon: LucideIcon;
  title: string;
  action?: React.ReactNode;
}) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex flex-col items-center justify-center gap-3 px-4 py-10 text-center",
        className,
      )}
      {...props}
    >
      <span className="flex size-10 items-center justify-center rounded-full bg-muted">
        <Icon aria-hidden="true" className="size-5 text-muted-foreground" />
      </span>
      <p className="max-w-sm text-sm text-muted-foreground">{title}</p>
      {action ? <div className="flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}

export { EmptyState };
