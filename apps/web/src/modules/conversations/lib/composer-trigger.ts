/** What the word at the caret asks the composer for: a member to @mention, or a `/` response. */
export type ComposerTrigger = { kind: "mention" | "canned"; query: string; start: number };

/**
 * The trigger the caret sits in: `@name` anywhere after a space or at the start (mentions, in
 * notes only), `/shortcut` at the start of a line (canned responses, in replies and notes).
 */
export function triggerAt(
  text: string,
  caret: number,
  allowMentions: boolean,
): ComposerTrigger | null {
  const before = text.slice(0, caret);
  const canned = /(^|\n)\/([\w-]*)$/.exec(before);
  if (canned) {
    return { kind: "canned", query: canned[2]!, start: caret - canned[2]!.length - 1 };
  }
  if (!allowMentions) return null;
  const mention = /(^|\s)@([\p{L}\p{N}._-]*)$/u.exec(before);
  if (mention) {
    return { kind: "mention", query: mention[2]!, start: caret - mention[2]!.length - 1 };
  }
  return null;
}

/** The text with the trigger's word replaced by `insertion`, and where the caret goes after it. */
export function replaceTrigger(
  text: string,
  trigger: ComposerTrigger,
  caret: number,
  insertion: string,
): { text: string; caret: number } {
  const next = text.slice(0, trigger.start) + insertion + text.slice(caret);
  return { text: next, caret: trigger.start + insertion.length };
}

/** Case- and accent-insensitive "contains", so "joao" finds "João". */
export function matchesQuery(query: string, ...fields: string[]): boolean {
  const fold = (value: string) =>
    value
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase();
  const wanted = fold(query);
  return fields.some((field) => fold(field).includes(wanted));
}

/** The members still named in the note: a mention deleted from the text notifies nobody. */
export function mentionedIds(
  text: string,
  picked: readonly { userId: string; name: string }[],
): string[] {
  return [
    ...new Set(
      picked.filter((member) => text.includes(`@${member.name}`)).map((member) => member.userId),
    ),
  ];
}
