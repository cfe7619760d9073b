import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
export const resultsDir = fileURLToPath(new URL("../../.test-results/e2e/", import.meta.url));

/** The e2e stack's base port; several runs on one machine use different ones. */
export const basePort = Number(process.env.ECHO_E2E_BASE_PORT ?? 4100);

/** One log folder per stack, so runs on other base ports never write into this run's logs. */
export const stackLogDir = join(resultsDir, "logs", String(basePort));
