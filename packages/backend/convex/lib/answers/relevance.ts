import { contentWords } from "./textFeatures";

/**
 * Words that say how something is asked, not what about: a passage need not contain them to
 * answer ("How much does Pro cost?" is answered by "Pro is $12 a month").
 */
const ASKING_WORDS = new Set(
  (
    "much many long often cost costs price prices pricing charge fee need want like know tell " +
    "happen happens happened " +
    "possible way able work works use using make made help anyone anything something thing " +
    "there any also still ever really exactly currently available offer offers support provide " +
    "quanto quanta quantos quantas custa custo preco valor saber gostaria queria preciso possivel " +
    "jeito forma funciona usar fazer ajuda algum alguma alguem coisa tambem ainda existe oferece " +
    "voce voces vcs tenho temos cobra faco faz acontece peco pedir peca solicitar solicito " +
    "request obtain"
  ).split(" "),
);

/** Content words of a question that a passage must cover to answer it. */
export function queryTerms(query: string): string[] {
  const words = [...new Set(contentWords(query))];
  const specific = words.filter((word) => !ASKING_WORDS.has(word));
  return specific.length > 0 ? specific : words;
}

/** Same word, or the same stem: "ship"/"shipping", "cancel"/"cancelamento". */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.startsWith(short)) return true;
  return short.length >= 5 && long.slice(0, 5) === short.slice(0, 5);
}

/** Share of the question's terms that the text (and its section path) contains. */
export function coverage(terms: string[], text: string): number {
  if (terms.length === 0) return 0;
  const words = new Set(contentWords(text));
  let covered = 0;
  for (const term of terms) {
    if (words.has(term) || [...words].some((word) => sameStem(term, word))) covered++;
  }
  return covered / terms.length;
}

/**
 * Names in the question ("Kindle", "PayPal", "Japan"): capitalised words that do not open a
 * sentence. A passage that lacks one is about something else, however much else it shares.
 */
export function namedTerms(query: string): string[] {
  const names = [...query.matchAll(/(?<![.!?]\s*|^\s*|^¿?)\b(\p{Lu}[\p{L}\d-]+)/gu)].map(
    (m) => m[1]!,
  );
  return [...new Set(names.flatMap((name) => contentWords(name)))].filter(
    (word) => !ASKING_WORDS.has(word),
  );
}

/**
 * A passage answers a question only when it covers this share of the question's terms and every
 * name in it. Calibrated on bench/answers: at 0.6 a near miss sharing two of three words ("Does
 * the warranty cover my toaster?") passed as an answer.
 */
export const COVERAGE_THRESHOLD = 0.7;

export function coversQuestion(query: string, text: string): boolean {
  const names = namedTerms(query);
  return (
    coverage(queryTerms(query), text) >= COVERAGE_THRESHOLD &&
    (names.length === 0 || coverage(names, text) === 1)
  );
}
