import { spawn } from "node:child_process";
import { setPriority } from "node:os";

import { ensureBrowserTestPackages } from "./chromium.mjs";
import { clearResults, collectResults, workspacePackages } from "./test-results.mjs";

function log(message) {
  process.stdout.write(`[echo check] ${message}\n`);
}

/**
 * How much lower a background step runs (a Unix nice value; its processes inherit it): the cores
 * serve the end-to-end runs' bursts first, and the background steps take what those leave.
 */
const BACKGROUND_PRIORITY = 5;

/**
 * Runs one step of the check beside others, printing its time; resolves with whether it passed.
 * A `background` step runs at a lower priority.
 */
function runStep(root, name, command, args, { background = false } = {}) {
  log(`${name}: ${command} ${args.join(" ")}`);
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: "inherit",
    });
    if (background && child.pid !== undefined) {
      try {
        setPriority(child.pid, BACKGROUND_PRIORITY);
      } catch {
        // Only the order in which the cores serve the steps changes.
      }
    }
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
  const turbo = (...tasks) => [
    "exec",
    "turbo",
    "run",
    ...tasks,
    "--continue",
    "--output-logs=errors-only",
  ];
  const checks = [];
  const hasE2e = packages.some((pkg) => pkg.scripts.e2e);
  // Installing the browser waits on the network, so it runs beside the CPU-bound steps; a failure
  // surfaces when the end-to-end step needs the browser.
  const browserReady = hasE2e ? ensureBrowserTestPackages(log) : Promise.resolve();
  browserReady.catch(() => {});
  const record = (name, ok) =>
    checks.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });

  // A script's reports count its tests; a step that fails with none failing (a stack that never
  // started, a crash outside any test) is a failure of its own.
  const runSuites = async (script, steps, options) => {
    clearResults(packages, script);
    const results = await Promise.all(
      steps.map(({ name, tasks }) => runStep(root, name, "pnpm", turbo(...tasks), options)),
    );
    const collected = collectResults(packages, script);
    if (results.includes(false) && collected.every((row) => row.failed === 0))
      collected.push({
        name: `${script} step`,
        passed: 0,
        failed: 1,
        skipped: 0,
        note: "exited with an error",
      });
    return collected;
  };

  // The end-to-end runs are the longest path and need the build, so the build starts first, beside
  // format and lint (they read sources only, see turbo.json, and ignore .next and dist). Typecheck
  // waits for the build: its `next typegen` writes into the .next folders that `next build` clears.
  // Once the build is done, everything else runs at once: the end-to-end runs mostly wait (on polls,
  // deliveries, stack starts) and the CPU-bound steps run in the background, taking the cores
  // while the end-to-end runs wait. `--only`: the build made what e2e depends on, and turbo
  // restores nothing under the running servers.
  const background = { background: true };
  const build = runStep(root, "build", "pnpm", turbo("build"));
  const [format, lint, typecheck, unitSuites, e2eSuites] = await Promise.all([
    runStep(root, "format", "pnpm", ["exec", "prettier", "--check", "."], background),
    runStep(root, "lint", "pnpm", turbo("lint"), background),
    build.then(() => runStep(root, "typecheck", "pnpm", turbo("typecheck"), background)),
    build.then(() => runSuites("test", [{ name: "test", tasks: ["test"] }], background)),
    hasE2e
      ? Promise.all([build, browserReady]).then(() =>
          runSuites("e2e", [
            { name: "e2e", tasks: ["e2e", "--only"] },
            { name: "e2e:start", tasks: ["e2e:start", "--only"] },
          ]),
        )
      : [],
  ]);
  record("format", format);
  record("lint", lint);
  record("typecheck", typecheck);
  record("build", await build);
  const suites = [...unitSuites, ...e2eSuites];

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
