"use client";

import { cn } from "@echo/ui/lib/utils";

/** A compact set for support chats: greetings, thanks, feelings, confirmations. */
export const EMOJI = [
  "😀",
  "😃",
  "😊",
  "🙂",
  "😉",
  "😍",
  "🥰",
  "😘",
  "😂",
  "🤣",
  "😅",
  "😇",
  "🤔",
  "😐",
  "😕",
  "🙁",
  "😢",
  "😭",
  "😡",
  "😱",
  "😴",
  "🤯",
  "🥳",
  "😎",
  "👍",
  "👎",
  "👌",
  "🙏",
  "👏",
  "🙌",
  "👋",
  "💪",
  "❤️",
  "💔",
  "🔥",
  "✨",
  "🎉",
  "✅",
  "❌",
  "⚠️",
  "❓",
  "💡",
  "📎",
  "📦",
  "🚚",
  "💳",
  "📧",
  "⏰",
] as const;

/**
 * A grid of emoji buttons; picking one hands it to `onPick`. Arrow keys move between them, as in
 * a toolbar, so a keyboard reaches every emoji without 48 tab stops.
 */
export function EmojiGrid({
  label,
  onPick,
  className,
}: {
  label: string;
  onPick: (emoji: string) => void;
  className?: string;
}) {
  const move = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 8, ArrowUp: -8 }[event.key];
    if (!step) return;
    const buttons = Array.from(event.currentTarget.querySelectorAll("button"));
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[Math.min(buttons.length - 1, Math.max(0, index + step))];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };
  return (
    <div
      role="group"
      aria-label={label}
      onKeyDown={move}
      className={cn(
        "grid grid-cols-8 gap-0.5 rounded-md border bg-popover p-1 shadow-md",
        className,
      )}
    >
      {EMOJI.map((emoji, index) => (
        <button
          key={emoji}
          type="button"
          tabIndex={index === 0 ? 0 : -1}
          onClick={() => onPick(emoji)}
          className="flex size-8 items-center justify-center rounded text-lg hover:bg-accent focus-visible:bg-accent focus-visible:outline-none"
        >
          {emoji}
        </button>
      ))}
    </div>
  );
}
