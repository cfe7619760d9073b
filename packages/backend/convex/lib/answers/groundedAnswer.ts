import { cosine, hashedEmbedding } from "../ai/hashedEmbedding";
import type { Passage } from "../ai/toolOutputs";
import { kindOfBlockText, PATH_SEPARATOR } from "../knowledge/blocks";
import { splitSentences } from "../knowledge/sentences";
import { passageLanguage, type ReplyLanguage } from "./language";
import { coverage, coversQuestion, queryTerms } from "./relevance";

const MAX_UNITS = 3;

/** A quotable piece of a passage: a whole sentence, a whole list, or one table row with its header. */
type Unit = { text: string; passage: number; position: number; section: string; url?: string };

function tableRowUnits(table: string): string[] {
  const rows = table.split("\n").map((row) =>
    row
      .replace(/^\s*\||\|\s*$/g, "")
      .split("|")
      .map((cell) => cell.trim()),
  );
  const [header, ...body] = rows;
  if (!header || body.length === 0) return rows.map((cells) => `${cells.join(", ")}.`);
  return body.map(
    (cells) =>
      `${cells.map((cell, i) => (header[i] ? `${header[i]}: ${cell}` : cell)).join("; ")}.`,
  );
}

function unitsOf(passage: Passage, index: number): Unit[] {
  const texts = passage.text.split(/\n{2,}/).flatMap((block) => {
    switch (kindOfBlockText(block.trim())) {
      case "table":
        return tableRowUnits(block.trim());
      case "list":
        return [block.trim()];
      default:
        return splitSentences(block);
    }
  });
  return texts.map((text, position) => ({
    text,
    passage: index,
    position,
    section: passage.section ?? passage.source,
    url: passage.url,
  }));
}

export type AnswerSource = { section: string; url?: string };
export type GroundedAnswer = { quotes: string[]; sources: AnswerSource[] };

/**
 * Picks the one to three whole sentences (or a whole list, or table rows) of the retrieved passages
 * that answer the question, in the order they appear. Returns null when none covers the
 * question well enough to be an answer.
 */
export function groundedAnswer(
  query: string,
  passages: Passage[],
  language: ReplyLanguage,
): GroundedAnswer | null {
  const terms = queryTerms(query);
  const queryVector = hashedEmbedding(query);
  const scored = passages.flatMap(unitsOf).map((unit) => {
    const context = `${unit.section} ${unit.text}`;
    const covered = coverage(terms, context);
    // Words in the sentence itself, then in its own heading, count for more than the file's path.
    const ownHeading = unit.section.split(PATH_SEPARATOR).at(-1) ?? "";
    return {
      ...unit,
      answers: coversQuestion(query, context),
      covered,
      score:
        covered +
        0.3 * coverage(terms, unit.text) +
        0.1 * coverage(terms, ownHeading) +
        0.25 * cosine(queryVector, hashedEmbedding(unit.text)) -
        0.02 * unit.passage,
      language: passageLanguage(unit.text),
    };
  });
  const relevant = scored.filter((u) => u.answers);
  if (relevant.length === 0) return null;
  // Quote the visitor's language when the knowledge base says it in that language.
  const sameLanguage = relevant.filter((u) => u.language === language);
  const pool = (sameLanguage.length > 0 ? sameLanguage : relevant).sort(
    (a, b) => b.score - a.score,
  );
  const best = pool[0]!;
  const chosen = [best];
  for (const unit of pool.slice(1)) {
    if (chosen.length >= MAX_UNITS) break;
    const nearBest = unit.passage === best.passage && Math.abs(unit.position - best.position) <= 2;
    if (unit.score >= best.score * 0.85 || (nearBest && unit.score >= best.score * 0.7))
      chosen.push(unit);
  }
  // A sentence that introduces a list ("You can pay with:") brings the list with it.
  const introduces = chosen.find((u) => /:$/.test(u.text));
  if (introduces && chosen.length < MAX_UNITS) {
    const list = scored.find(
      (u) => u.passage === introduces.passage && u.position === introduces.position + 1,
    );
    if (list && !chosen.includes(list)) chosen.push(list);
  }
  chosen.sort((a, b) => a.passage - b.passage || a.position - b.position);
  return {
    quotes: chosen.map((u) => u.text),
    sources: [
      ...new Map(chosen.map((u) => [u.section, { section: u.section, url: u.url }])).values(),
    ],
  };
}
