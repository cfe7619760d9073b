import { spawn } from "node:child_process";

import { CHROMIUM_PATH, ensureCaddy, ensureChromium } from "./chromium.mjs";
import { clearResults, collectResults, workspacePackages } from "./test-results.mjs";

function log(message) {
  process.stdout.write(`[echo check] ${message}\n`);
}

/** Runs one step to its end and prints its time; resolves to whether it passed. */
function runStep(root, name, command, args) {
  log(`${name}: ${command} ${args.join(" ")}`);
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, CHROMIUM_PATH },
    });
    let finished = false;
    const finish = (ok, how) => {
      if (finished) return;
      finished = true;
      log(
        `${name}: ${ok ? "ok" : `failed (${how})`} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
      );
      resolve(ok);
    };
    child.once("error", (error) => finish(false, error.message));
    child.once("exit", (code, signal) => finish(code === 0, signal ?? `exit ${code}`));
  });
}

// The unit suites run while the end-to-end suite, mostly waiting on its browsers and its stack,
// leaves a core idle; at a lower priority they take only what the end-to-end suite does not use.
const UNIT_TESTS_NICE = 10;

/**
 * README command 2: format, lint, typecheck, build, unit/conformance tests, end-to-end tests.
 * Ends with one line `N passed, N failed[, N skipped]`; returns the process exit code.
 */
export async function check(root) {
  const packages = workspacePackages(root);
  const turbo = (task) => ["exec", "turbo", "run", task, "--continue", "--output-logs=errors-only"];
  const checks = [];
  const record = (name, ok) =>
    checks.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });

  record("format", await runStep(root, "format", "pnpm", ["exec", "prettier", "--check", "."]));
  record(
    "lint",
    (await runStep(root, "lint", "pnpm", turbo("lint"))) &&
      (await runStep(root, "lint (root)", "pnpm", [
        "exec",
        "eslint",
        "--max-warnings",
        "0",
        "scripts",
        "eslint.config.js",
        ".eslintrc.js",
      ])),
  );
  record("typecheck", await runStep(root, "typecheck", "pnpm", turbo("typecheck")));
  record("build", await runStep(root, "build", "pnpm", turbo("build")));

  const hasE2e = packages.some((pkg) => pkg.scripts.e2e);
  if (hasE2e) {
    ensureChromium(log);
    ensureCaddy(log);
  }
  clearResults(packages, "test");
  if (hasE2e) clearResults(packages, "e2e");
  await Promise.all([
    runStep(root, "test", "nice", ["-n", String(UNIT_TESTS_NICE), "pnpm", ...turbo("test")]),
    hasE2e ? runStep(root, "e2e", "pnpm", turbo("e2e")) : null,
  ]);
  const suites = collectResults(packages, "test");
  if (hasE2e) suites.push(...collectResults(packages, "e2e"));

  const rows = [...checks, ...suites];
  log("summary:");
  for (const row of rows) {
    const note = row.note ? ` (${row.note})` : "";
    log(
      `  ${row.name.padEnd(28)} ${row.passed} passed, ${row.failed} failed${row.skipped ? `, ${row.skipped} skipped` : ""}${note}`,
    );
  }
  const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
  const passed = total("passed");
  const failed = total("failed");
  const skipped = total("skipped");
  const testsRan = suites.reduce((sum, row) => sum + row.passed + row.failed, 0);
  if (testsRan === 0) log("no test ran");
  process.stdout.write(
    `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`,
  );
  return failed === 0 && testsRan > 0 ? 0 : 1;
}
