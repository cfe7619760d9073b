/** Language-light text features shared by the local embedding and the answer picker. */

const STOPWORDS = new Set(
  (
    "a an and are as at be by can do does for from has have how i if in is it its me my of on or " +
    "our so that the their then there this to was we what when where which who why will with you " +
    "your yours am been being did get got just not no yes please hi hello hey could would should " +
    "o os as um uma uns umas e ou de da do das dos em no na nos nas por para com sem que se como " +
    "qual quais quando onde quem eu voce você meu minha seu sua ao aos é ser foi são tem ter há " +
    "isso isto esse essa este esta mais muito pode posso poderia favor olá ola oi"
  )
    .split(" ")
    .map((word) => normalize(word)),
);

export function normalize(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
}

/** Content words, accent-folded, with a light plural strip so "refunds" meets "refund". */
export function contentWords(text: string): string[] {
  return normalize(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !STOPWORDS.has(word))
    .map((word) => (word.length > 4 && word.endsWith("s") ? word.slice(0, -1) : word));
}
