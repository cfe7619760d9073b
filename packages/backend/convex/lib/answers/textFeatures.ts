/** Language-light text features shared by the local embedding and the retrieval responder. */

const STOPWORDS = new Set(
  (
    "a an and are as at be by can do does for from has have how i if in is it its me my of on or " +
    "our so that the their then there this to was we what when where which who why will with you " +
    "your yours am been being did get got just not no yes please hi hello hey could would should " +
    "o os as um uma uns umas e ou de da do das dos em no na nos nas por para com sem que se como " +
    "qual quais quando onde quem eu voce você meu minha seu sua ao aos é ser foi são tem ter há " +
    "isso isto esse essa este esta mais muito pode posso poderia favor olá ola oi"
  ).split(" "),
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

const PORTUGUESE_MARKERS = new Set(
  "não nao como para que você voce olá ola oi obrigado obrigada meu minha posso qual quais está esta é são tem pedido reembolso conta senha preço plano com seu sua um uma do da dos das no na nos nas em ao pela pelo por também dias vale".split(
    " ",
  ),
);
const ENGLISH_MARKERS = new Set(
  "the is are how what can my your you i do does thanks thank please order refund account password price plan and to of with for in on it this that will from after".split(
    " ",
  ),
);

export type ReplyLanguage = "en" | "pt-BR";

export function detectLanguage(text: string): ReplyLanguage {
  let pt = 0;
  let en = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}0-9]+/u)) {
    if (PORTUGUESE_MARKERS.has(word)) pt++;
    if (ENGLISH_MARKERS.has(word)) en++;
  }
  return pt > en ? "pt-BR" : "en";
}
