/** The inbox's keyboard shortcuts, in the order the help dialog lists them. */
export const INBOX_SHORTCUTS = [
  { action: "next", keys: ["j", "ArrowDown"] },
  { action: "previous", keys: ["k", "ArrowUp"] },
  { action: "search", keys: ["/"] },
  { action: "reply", keys: ["r"] },
  { action: "escalate", keys: ["e"] },
  { action: "resolve", keys: ["Shift+R"] },
  { action: "help", keys: ["?"] },
] as const;

export type ShortcutAction = (typeof INBOX_SHORTCUTS)[number]["action"];

type KeyPress = Pick<
  KeyboardEvent,
  "key" | "shiftKey" | "ctrlKey" | "metaKey" | "altKey" | "isComposing" | "target"
>;

/** The arrow keys scroll the page elsewhere, so they move through conversations only in the list. */
const LIST_ONLY_KEYS = new Set(["ArrowDown", "ArrowUp"]);
export const INBOX_LIST_ATTRIBUTE = "data-inbox-list";
export const KEY_LABELS: Record<string, string> = { ArrowDown: "↓", ArrowUp: "↑" };

const TYPING_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "file", "range"]);

/** True where a key press is text being written, or belongs to an open dialog. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('[role="dialog"], [role="alertdialog"]')) return true;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !TYPING_INPUTS.has(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function matches(key: string, press: KeyPress): boolean {
  if (LIST_ONLY_KEYS.has(key)) {
    return (
      press.key === key &&
      press.target instanceof Element &&
      press.target.closest(`[${INBOX_LIST_ATTRIBUTE}]`) !== null
    );
  }
  if (key.startsWith("Shift+")) return press.shiftKey && press.key === key.slice("Shift+".length);
  // "?" and "/" are typed with or without Shift depending on the keyboard layout.
  if (!/^[a-z]$/.test(key)) return press.key === key;
  return !press.shiftKey && press.key === key;
}

/** The inbox action a key press asks for, or null: never while typing, never with Ctrl/Cmd/Alt. */
export function shortcutAction(press: KeyPress): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.isComposing) return null;
  if (isTypingTarget(press.target)) return null;
  const shortcut = INBOX_SHORTCUTS.find((candidate) =>
    candidate.keys.some((key) => matches(key, press)),
  );
  return shortcut?.action ?? null;
}

/** The conversation `step` places after (1) or before (-1) the current one; the first when none is open. */
export function adjacentConversation<T extends string>(
  ids: readonly T[],
  currentId: string | undefined,
  step: 1 | -1,
): T | null {
  if (ids.length === 0) return null;
  const index = currentId === undefined ? -1 : ids.indexOf(currentId as T);
  if (index === -1) return ids[0]!;
  return ids[Math.min(Math.max(index + step, 0), ids.length - 1)]!;
}
