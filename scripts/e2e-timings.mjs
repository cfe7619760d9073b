#!/usr/bin/env node
// Where an e2e run's wall time went, from vitest's json reports (`pnpm e2e` writes them):
// node scripts/e2e-timings.mjs [report.json …]   (default: the web and embed e2e reports)
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const reports = process.argv.slice(2).length
  ? process.argv.slice(2)
  : [
      "apps/web/.test-results/e2e.json",
      "apps/web/.test-results/e2e-start.json",
      "apps/embed/.test-results/e2e.json",
    ].map((file) => join(root, file));

const seconds = (ms) => (ms / 1000).toFixed(1).padStart(7);

for (const report of reports) {
  if (!existsSync(report)) {
    console.info(`${report}: no report`);
    continue;
  }
  const run = JSON.parse(readFileSync(report, "utf8"));
  // The reporter writes the file when the last test file ends, before the global teardown.
  const endedAt = statSync(report).mtimeMs;
  const files = run.testResults
    .map((file) => ({
      name: basename(file.name),
      startTime: file.startTime,
      wall: file.endTime - file.startTime,
      bodies: file.assertionResults.reduce((sum, test) => sum + (test.duration ?? 0), 0),
      tests: file.assertionResults.length,
    }))
    .sort((a, b) => a.startTime - b.startTime);
  // Files run one after another here, so the gap before a file is its import and collection
  // (and, before the first, the global setup: stack start, deploy, seed).
  let previousEnd = run.startTime;
  for (const file of files) {
    file.before = file.startTime - previousEnd;
    previousEnd = file.startTime + file.wall;
  }
  const sum = (key) => files.reduce((total, file) => total + file[key], 0);
  console.info(`\n${relative(root, report)}: ${files.length} files, ${sum("tests")} tests`);
  console.info(
    `${"wall".padStart(7)} ${"bodies".padStart(7)} ${"hooks".padStart(7)} ${"before".padStart(7)}  file`,
  );
  for (const file of [...files].sort((a, b) => b.wall - a.wall)) {
    console.info(
      `${seconds(file.wall)} ${seconds(file.bodies)} ${seconds(file.wall - file.bodies)} ${seconds(file.before)}  ${file.name} (${file.tests})`,
    );
  }
  const first = files[0];
  console.info(
    `${seconds(sum("wall"))} ${seconds(sum("bodies"))} ${seconds(sum("wall") - sum("bodies"))} ${seconds(sum("before") - (first?.before ?? 0))}  all files (before = imports between files)`,
  );
  console.info(
    `${seconds(first?.before ?? 0)}  before the first file (global setup and its import)`,
  );
  console.info(
    `${seconds(endedAt - previousEnd)}  after the last file until the report was written`,
  );
  console.info(`${seconds(endedAt - run.startTime)}  report start to report written`);
}
