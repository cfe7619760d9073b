import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const RESULTS_DIR = ".test-results";

/** Workspace packages (apps/* and packages/*) with the scripts their package.json declares. */
export function workspacePackages(root) {
  return ["apps", "packages"].flatMap((group) =>
    readdirSync(join(root, group), { withFileTypes: true })
      .filter(
        (entry) => entry.isDirectory() && existsSync(join(root, group, entry.name, "package.json")),
      )
      .map((entry) => {
        const dir = join(root, group, entry.name);
        const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
        return { name: manifest.name, dir, scripts: manifest.scripts ?? {} };
      }),
  );
}

/** Removes result files of earlier runs so a crashed suite cannot pass on stale numbers. */
export function clearResults(packages, script) {
  for (const pkg of packages) {
    for (const file of reportFiles(pkg.dir, script)) rmSync(file, { force: true });
  }
}

function resultName(script) {
  return script === "test" ? "vitest" : script;
}

/** A script's reports: `<name>.json` and any `<name>-<part>.json` from later runs in the script. */
function reportFiles(dir, script) {
  const resultsDir = join(dir, RESULTS_DIR);
  if (!existsSync(resultsDir)) return [];
  const name = resultName(script);
  return readdirSync(resultsDir)
    .filter(
      (file) => file === `${name}.json` || (file.startsWith(`${name}-`) && file.endsWith(".json")),
    )
    .map((file) => join(resultsDir, file));
}

/**
 * Sums a Vitest JSON report per package that declares the script. A package whose report is
 * missing counts as one failure: its runner crashed before reporting.
 */
export function collectResults(packages, script) {
  const suites = [];
  for (const pkg of packages.filter((p) => p.scripts[script])) {
    const files = reportFiles(pkg.dir, script);
    if (!files.some((file) => file.endsWith(`${resultName(script)}.json`))) {
      suites.push({
        name: `${pkg.name} ${script}`,
        passed: 0,
        failed: 1,
        skipped: 0,
        note: "no report",
      });
      continue;
    }
    const suite = { name: `${pkg.name} ${script}`, passed: 0, failed: 0, skipped: 0 };
    for (const file of files) {
      const report = JSON.parse(readFileSync(file, "utf8"));
      // A file that failed outside any test (import error, failing hook) counts as one failure.
      const brokenFiles = (report.testResults ?? []).filter(
        (result) =>
          result.status === "failed" &&
          !(result.assertionResults ?? []).some((assertion) => assertion.status === "failed"),
      ).length;
      suite.passed += report.numPassedTests ?? 0;
      suite.failed += (report.numFailedTests ?? 0) + brokenFiles;
      suite.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    }
    suites.push(suite);
  }
  return suites;
}
