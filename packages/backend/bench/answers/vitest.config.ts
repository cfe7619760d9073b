import { defineConfig, mergeConfig } from "vitest/config";

import base from "../../vitest.config.ts";

/**
 * `pnpm bench:answers`: the package's test set-up (retrieval mode, components inlined), this bench
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
