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
    const file = join(pkg.dir, RESULTS_DIR, `${resultName(script)}.json`);
    rmSync(file, { force: true });
  }
}

function resultName(script) {
  return script === "test" ? "vitest" : script;
}

/**
 * Sums a Vitest JSON report per package that declares the script. A package whose report is
 * missing counts as one failure: its runner crashed before reporting.
 */
export function collectResults(packages, script) {
  const suites = [];
  for (const pkg of packages.filter((p) => p.scripts[script])) {
    const file = join(pkg.dir, RESULTS_DIR, `${resultName(script)}.json`);
    if (!existsSync(file)) {
      suites.push({
        name: `${pkg.name} ${script}`,
        passed: 0,
        failed: 1,
        skipped: 0,
        note: "no report",
      });
      continue;
    }
    const report = JSON.parse(readFileSync(file, "utf8"));
    // A file that failed outside any test (import error, failing hook) counts as one failure.
    const brokenFiles = (report.testResults ?? []).filter(
      (result) =>
        result.status === "failed" &&
        !(result.assertionResults ?? []).some((assertion) => assertion.status === "failed"),
    ).length;
    suites.push({
      name: `${pkg.name} ${script}`,
      passed: report.numPassedTests ?? 0,
      failed: (report.numFailedTests ?? 0) + brokenFiles,
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    });
  }
  return suites;
}
