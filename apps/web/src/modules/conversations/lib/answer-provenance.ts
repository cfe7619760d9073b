/** A knowledge passage an answer was built from, as its search returned it. */
export type ProvenancePassage = { file: string; section: string; score: number };
/** One tool the agent called for an answer, with what it was given. */
export type ProvenanceToolCall = { name: string; input: string };
export type Provenance = { passages: ProvenancePassage[]; toolCalls: ProvenanceToolCall[] };

type Part = { type?: unknown; input?: unknown; output?: unknown };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/** A tool result arrives as the value itself or wrapped as { type: "json", value }. */
function resultOf(output: unknown): unknown {
  return isRecord(output) && (output.type === "json" || output.type === "text") && "value" in output
    ? output.value
    : output;
}

function passagesOf(output: unknown): ProvenancePassage[] {
  const result = resultOf(output);
  if (!isRecord(result) || !Array.isArray(result.passages)) return [];
  return result.passages.filter(isRecord).map((passage) => ({
    file: typeof passage.source === "string" ? passage.source : "",
    section: typeof passage.section === "string" ? passage.section : "",
    score: typeof passage.score === "number" ? passage.score : 0,
  }));
}

/**
 * What an agent answer was built from, read from its message's tool parts: each tool call with its
 * input, and the passages (file, section, score) its knowledge searches returned.
 */
export function provenanceOf(parts: readonly Part[]): Provenance {
  const toolParts = parts.filter(
    (part) => typeof part.type === "string" && part.type.startsWith("tool-"),
  );
  return {
    toolCalls: toolParts.map((part) => ({
      name: (part.type as string).slice("tool-".length),
      input: JSON.stringify(part.input ?? {}),
    })),
    passages: toolParts
      .filter((part) => part.type === "tool-searchKnowledge")
      .flatMap((part) => passagesOf(part.output)),
  };
}
