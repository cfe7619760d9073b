import type * as React from "react";

import { cn } from "../lib/utils";

/** A grey placeholder block the size of what is loading; hidden from assistive technology. */
function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-muted motion-reduce:animate-none", className)}
      {...props}
    />
  );
}

/**
 * A list that is loading: `rows` placeholder rows (avatar, two lines) in a busy status region
 * whose only readable content is `label` ("Loading conversations…").
 */
function SkeletonList({
  label,
  rows = 4,
  avatar = true,
  className,
  ...props
}: Omit<React.ComponentProps<"div">, "children"> & {
  label: string;
  rows?: number;
  avatar?: boolean;
}) {
  return (
    <div
      data-slot="skeleton-list"
      role="status"
      aria-busy="true"
      aria-live="polite"
      className={cn("flex flex-col gap-3", className)}
      {...props}
    >
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="flex items-center gap-3 py-1">
          {avatar ? <Skeleton className="size-8 rounded-full" /> : null}
          <div className="flex flex-1 flex-col gap-2">
            <Skeleton className="h-3.5 w-2/5" />
            <Skeleton className="h-3 w-4/5" />
          </div>
        </div>
      ))}
    </div>
  );
}

export { Skeleton, SkeletonList };
