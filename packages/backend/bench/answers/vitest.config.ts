import { defineConfig, mergeConfig } from "vitest/config";

import { MODEL_SETTINGS } from "../../convex/lib/ai/modelSettings.ts";

// The package's test set-up clears the model settings (tests run in retrieval mode); the bench keeps
// them, so OPENAI_API_KEY or OPENAI_BASE_URL measures model mode. Workers inherit this env.
const given = MODEL_SETTINGS.flatMap((name) => {
  const value = process.env[name];
  return value === undefined ? [] : [[name, value] as const];
});
const { default: base } = await import("../../vitest.config.ts");
for (const [name, value] of given) process.env[name] = value;

/**
 * `pnpm bench:answers`: the package's test set-up (components inlined), this bench
 * only, one part after the other so the latency part has the machine to itself. `BENCH_PARTS`
 * picks parts (answers, latency).
 */
const config = mergeConfig(
  base,
  defineConfig({ test: { testTimeout: 3_600_000, fileParallelism: false } }),
);
// The package's unit-test projects would pick their own files; the bench is one project.
delete config.test!.projects;
config.test!.include = (process.env.BENCH_PARTS ?? "answers,latency")
  .split(",")
  .map((part) => `bench/answers/${part.trim()}.run.ts`);
export default config;
