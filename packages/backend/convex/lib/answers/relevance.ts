import { contentWords } from "./textFeatures";

/**
 * Words that say how something is asked, not what about: a passage need not contain them to
 * answer ("How much does Pro cost?" is answered by "Pro is $12 a month").
 */
const ASKING_WORDS = new Set(
  (
    "much many long often cost costs price prices pricing charge fee need want like know tell " +
    "possible way able work works use using make made help anyone anything something thing " +
    "there any also still ever really exactly currently available offer offers support provide " +
    "quanto quanta quantos quantas custa custo preco valor saber gostaria queria preciso possivel " +
    "jeito forma funciona usar fazer ajuda algum alguma alguem coisa tambem ainda existe oferece " +
    "voce voces vcs tenho temos cobra"
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
 * A passage answers a question only when it covers this share of the question's terms. Calibrated
 * on bench/answers: below it, near misses on shared vocabulary ("export" and "plan" for "Can I
 * export my notebooks to a Kindle?") passed as answers; above it, paraphrased questions failed.
 */
export const COVERAGE_THRESHOLD = 0.6;
