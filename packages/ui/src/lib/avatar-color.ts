/**
 * Background colors for generated avatars, each with white initials at 4.5:1 or more (WCAG AA),
 * in light and dark themes alike.
 */
export const AVATAR_COLORS = [
  "#1d4ed8",
  "#7e22ce",
  "#be123c",
  "#047857",
  "#b45309",
  "#0e7490",
  "#4338ca",
  "#a21caf",
  "#c2410c",
  "#15803d",
] as const;

/** FNV-1a over the key's UTF-16 code units: the same key always gets the same color. */
function hash(key: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    value ^= key.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

export function avatarColor(key: string): string {
  return AVATAR_COLORS[hash(key) % AVATAR_COLORS.length]!;
}

/** Up to two letters: first and last word's initials ("Ana Maria Souza" → "AS"), else "?". */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/[\s@._-]+/u)
    .filter(Boolean);
  if (words.length === 0) return "?";
  const letter = (word: string) => Array.from(word)[0]!.toLocaleUpperCase();
  return words.length === 1 ? letter(words[0]!) : letter(words[0]!) + letter(words.at(-1)!);
}
