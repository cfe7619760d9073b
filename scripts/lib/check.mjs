import { spawn, spawnSync } from "node:child_process";

import { ensureBrowserTestPackages } from "./chromium.mjs";
import { clearResults, collectResults, workspacePackages } from "./test-results.mjs";

function log(message) {
  process.stdout.write(`[echo check] ${message}\n`);
}

function runStep(root, name, command, args) {
  log(`${name}: ${command} ${args.join(" ")}`);
  const startedAt = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
  });
  const ok = result.status === 0;
  log(
    `${name}: ${ok ? "ok" : `failed (exit ${result.status})`} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
  );
  return ok;
}

/** runStep without blocking, for steps that run side by side; resolves with whether it passed. */
function runStepConcurrently(root, name, command, args) {
  log(`${name}: ${command} ${args.join(" ")}`);
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: "inherit",
    });
    const finish = (status) => {
      const ok = status === 0;
      log(
        `${name}: ${ok ? "ok" : `failed (exit ${status})`} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
      );
      resolve(ok);
    };
    child.once("error", () => finish(null));
    child.once("exit", (code) => finish(code));
  });
}

/**
 * README command 2: format, lint, typecheck, build, unit/conformance tests, end-to-end tests.
 * Ends with one line `N passed, N failed[, N skipped]`; returns the process exit code.
 */
export async function check(root) {
  const packages = workspacePackages(root);
  const turbo = (task) => ["exec", "turbo", "run", task, "--continue", "--output-logs=errors-only"];
  const checks = [];
  const hasE2e = packages.some((pkg) => pkg.scripts.e2e);
  // Installing the browser waits on the network, so it runs beside the CPU-bound steps; a failure
  // surfaces when the end-to-end step needs the browser.
  const browserReady = hasE2e ? ensureBrowserTestPackages(log) : Promise.resolve();
  browserReady.catch(() => {});
  const record = (name, ok) =>
    checks.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });

  // Every static check runs at once: none of them builds (lint and typecheck read sources only,
  // see turbo.json), so they share nothing but the cores. Build waits for typecheck, whose
  // `next typegen` writes into the same .next folders that `next build` does.
  const [format, rootLint, lint, [typecheck, build]] = await Promise.all([
    runStepConcurrently(root, "format", "pnpm", ["exec", "prettier", "--check", "."]),
    runStepConcurrently(root, "lint (root)", "pnpm", [
      "exec",
      "eslint",
      "--max-warnings",
      "0",
      "scripts",
      "eslint.config.js",
      ".eslintrc.js",
    ]),
    runStepConcurrently(root, "lint", "pnpm", turbo("lint")),
    runStepConcurrently(root, "typecheck", "pnpm", turbo("typecheck")).then(async (ok) => [
      ok,
      await runStepConcurrently(root, "build", "pnpm", turbo("build")),
    ]),
  ]);
  record("format", format);
  record("lint", lint && rootLint);
  record("typecheck", typecheck);
  record("build", build);

  const suites = [];
  // A step's reports count its tests; a step that fails with none failing (a stack that never
  // started, a crash outside any test) is a failure of its own.
  const runSuites = (script) => {
    clearResults(packages, script);
    const ok = runStep(root, script, "pnpm", turbo(script));
    const collected = collectResults(packages, script);
    suites.push(...collected);
    if (!ok && collected.every((row) => row.failed === 0))
      suites.push({
        name: `${script} step`,
        passed: 0,
        failed: 1,
        skipped: 0,
        note: "exited with an error",
      });
  };

  runSuites("test");
  if (hasE2e) {
    await browserReady;
    runSuites("e2e");
  }

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
