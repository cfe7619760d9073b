/** Words whose final period does not end a sentence (English and Portuguese). */
const ABBREVIATIONS = new Set(
  "e.g i.e etc mr mrs ms dr prof sr sra srta vs approx ex fig inc ltd co no nº n.º p.ex av tel obs pág pag min máx max aprox".split(
    " ",
  ),
);

/**
 * Splits a paragraph into sentences. A sentence ends at ., ! or ? (with any closing quote or
 * bracket) followed by a space and a capital, digit or opening quote; never at a line break,
 * an abbreviation, an initial or a decimal point.
 */
export function splitSentences(paragraph: string): string[] {
  const text = paragraph.replace(/\s+/g, " ").trim();
  if (!text) return [];
  const sentences: string[] = [];
  const boundary = /([.!?…]+)(["'”’)\]]*)\s+(?=["'“‘([¿¡]?[\p{Lu}\d])/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[1]!.length + match[2]!.length;
    const before = text.slice(start, match.index);
    const lastWord = /(\S+)$/.exec(before)?.[1]?.toLowerCase() ?? "";
    const initial = /^\p{L}$/u.test(lastWord);
    if (match[1] === "." && (ABBREVIATIONS.has(lastWord) || initial)) continue;
    sentences.push(text.slice(start, end).trim());
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
