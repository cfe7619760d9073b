import { cn } from "@echo/ui/lib/utils";
import { XIcon } from "lucide-react";
import type { ReactNode } from "react";

import { TAG_COLOR_CLASSES, type TagColor } from "../../lib/tag-colors";

/** A tag as a colored chip; with `onRemove`, a small button takes it off. */
export function TagChip({
  name,
  color,
  onRemove,
  removeLabel,
}: {
  name: string;
  color: TagColor;
  onRemove?: () => void;
  removeLabel?: string;
}): ReactNode {
  return (
    <span
      data-testid="tag-chip"
      className={cn(
        "inline-flex max-w-40 items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium",
        TAG_COLOR_CLASSES[color],
      )}
    >
      <span className="truncate">{name}</span>
      {onRemove ? (
        <button
          type="button"
          onClick={onRemove}
          aria-label={removeLabel}
          className="-mr-1 rounded-full p-0.5 hover:bg-black/10 dark:hover:bg-white/10"
        >
          <XIcon aria-hidden className="size-3" />
        </button>
      ) : null}
    </span>
  );
}
