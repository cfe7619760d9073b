/**
 * Retrieval mode's "enhance": no model to rephrase with, so it only tidies what the operator
 * wrote (spacing, capitals, final punctuation) and never changes the meaning.
 */
export function polishDraft(draft: string): string {
  let text = draft
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\s+([,.!?;:])/g, "$1")
    .replace(/([,.!?;:])(?=[^\s\d.,!?;:)"'])/g, "$1 ")
    .replace(/\bi\b/g, "I")
    .trim();
  text = text.replace(
    /(^|[.!?]\s+|\n)(\p{Ll})/gu,
    (_match, before: string, letter: string) => before + letter.toUpperCase(),
  );
  if (text && !/[.!?…:)]$/.test(text)) text += ".";
  return text;
}
