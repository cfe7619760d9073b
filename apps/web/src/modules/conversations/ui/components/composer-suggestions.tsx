"use client";

import { cn } from "@echo/ui/lib/utils";

import type { ComposerSuggestion } from "../../hooks/use-composer-suggestions";

export const suggestionId = (listId: string, index: number) => `${listId}-${index}`;

/** The list under the composer's caret word; the textarea keeps the focus and drives it. */
export function ComposerSuggestions({
  id,
  label,
  items,
  active,
  onPick,
}: {
  id: string;
  label: string;
  items: ComposerSuggestion[];
  active: number;
  onPick: (item: ComposerSuggestion) => void;
}) {
  if (items.length === 0) return null;
  return (
    <ul
      id={id}
      role="listbox"
      aria-label={label}
      className="grid max-h-56 gap-0.5 overflow-y-auto rounded-md border bg-popover p-1 text-sm shadow-md"
    >
      {items.map((item, index) => (
        <li
          key={item.id}
          id={suggestionId(id, index)}
          role="option"
          aria-selected={index === active}
          className={cn(
            "grid cursor-pointer gap-0.5 rounded px-2 py-1.5",
            index === active && "bg-accent text-accent-foreground",
          )}
          // The textarea keeps the focus (and its caret) while the pointer picks.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(item)}
        >
          <span className="font-medium">{item.label}</span>
          {item.detail ? (
            <span className="truncate text-xs text-muted-foreground">{item.detail}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
