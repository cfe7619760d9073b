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
  // The reporter writes the file when the last test file ends, before the global teardown; the
  // report holds no end time, so its modification time stands for it. A copy of the report (cp
  // without -p) gets a new one: its "after the last file" then counts up to the copy.
  const endedAt = statSync(report).mtimeMs;
  // A file's times in the report span its tests only; its beforeAll, the previous file's afterAll
  // and its import and collection fall in the gap before it (files run one after another here).
  const files = run.testResults
    .map((file) => ({
      name: basename(file.name),
      startTime: file.startTime,
      endTime: file.endTime,
      bodies: file.assertionResults.reduce((sum, test) => sum + (test.duration ?? 0), 0),
      tests: file.assertionResults.length,
    }))
    .sort((a, b) => a.startTime - b.startTime);
  let previousEnd = run.startTime;
  for (const file of files) {
    file.before = file.startTime - previousEnd;
    previousEnd = file.endTime;
  }
  const sum = (key) => files.reduce((total, file) => total + file[key], 0);
  const [first, ...rest] = files;
  const gaps = rest.reduce((total, file) => total + file.before, 0);
  console.info(`\n${relative(root, report)}: ${files.length} files, ${sum("tests")} tests`);
  console.info(`${"tests".padStart(7)} ${"before".padStart(7)}  file (before: hooks and imports)`);
  for (const file of [...files].sort((a, b) => b.bodies + b.before - a.bodies - a.before)) {
    console.info(`${seconds(file.bodies)} ${seconds(file.before)}  ${file.name} (${file.tests})`);
  }
  console.info(`${seconds(sum("bodies"))} ${seconds(gaps)}  all files but the first`);
  console.info(`${seconds(first?.before ?? 0)}  before the first file: global setup, its import`);
  console.info(
    `${seconds(endedAt - previousEnd)}  after the last file until the report was written (its mtime)`,
  );
  console.info(`${seconds(endedAt - run.startTime)}  report start to report written`);
}
