"use client";

import { useFormatter, useNow } from "next-intl";

/** A past moment as "5 minutes ago", kept current each minute, with the exact time for machines. */
export function RelativeTime({ at, className }: { at: number; className?: string }) {
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  return (
    <time className={className} dateTime={new Date(at).toISOString()}>
      {/* The server's clock may run ahead of this browser's: a past moment never reads "in 2 seconds". */}
      {format.relativeTime(Math.min(at, now.getTime()), now)}
    </time>
  );
}
