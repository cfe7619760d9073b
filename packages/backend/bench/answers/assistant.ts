import { models } from "../../convex/lib/ai/models";
import { MODEL_SETTINGS } from "../../convex/lib/ai/modelSettings";
import { startStandInModel, type StandInModel } from "./standInModel";

export type BenchAssistant = {
  /** "retrieval mode", or the model and server model mode talks to. */
  label: string;
  /** The model settings the backend under test gets; empty in retrieval mode. */
  settings: Record<string, string>;
  /** Chat completions the stand-in server answered so far (BENCH_MODEL=stand-in only). */
  served?: () => number;
  close(): Promise<void>;
};

/**
 * Retrieval mode unless OPENAI_API_KEY or OPENAI_BASE_URL is set, as for the product;
 * BENCH_MODEL=stand-in starts standInModel.ts and points OPENAI_BASE_URL at it.
 */
export async function benchAssistant(): Promise<BenchAssistant> {
  let standIn: StandInModel | undefined;
  if (process.env.BENCH_MODEL === "stand-in") {
    standIn = await startStandInModel();
    process.env.OPENAI_BASE_URL = standIn.url;
    process.env.ECHO_CHAT_MODEL ||= "echo-stand-in";
  }
  const settings = Object.fromEntries(
    MODEL_SETTINGS.flatMap((name) =>
      process.env[name]?.trim() ? [[name, process.env[name]!]] : [],
    ),
  );
  const label =
    models().mode === "retrieval"
      ? "retrieval mode"
      : `model mode (${settings.ECHO_CHAT_MODEL ?? "gpt-4o-mini"} at ${settings.OPENAI_BASE_URL ?? "api.openai.com"}${standIn ? ": the stand-in server" : ""})`;
  return { label, settings, served: standIn?.requests, close: async () => await standIn?.close() };
}
