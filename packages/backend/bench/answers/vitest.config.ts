import { defineConfig, mergeConfig } from "vitest/config";

import base from "../../vitest.config.ts";

/** `pnpm bench:answers`: the package's test set-up (retrieval mode, components inlined), this bench only. */
const config = mergeConfig(base, defineConfig({ test: { testTimeout: 3_600_000 } }));
config.test!.include = ["bench/answers/answers.run.ts"];
export default config;
