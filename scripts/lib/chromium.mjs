import { existsSync } from "node:fs";
import { spawn } from "node:child_process";

// The browser tests' Debian packages: Chromium's headless shell, which runs the browser tests at
// about a quarter of the full browser's CPU; Chromium itself, for the tests of browser notifications
// (the shell has no notification service; apps/web/e2e/harness/browser.ts); and Caddy, the reverse
// proxy the Path B end-to-end test runs (apps/web/e2e/start/path-b-server.e2e.ts). CHROMIUM_PATH
// runs every browser test in the one browser it names.
const BROWSER_TEST_PACKAGES = [
  ...(process.env.CHROMIUM_PATH
    ? [{ executable: process.env.CHROMIUM_PATH, pkg: "chromium" }]
    : [
        { executable: "/usr/bin/chromium-headless-shell", pkg: "chromium-headless-shell" },
        { executable: "/usr/bin/chromium", pkg: "chromium" },
      ]),
  { executable: "/usr/bin/caddy", pkg: "caddy" },
];

/**
 * Installs whichever browser-test packages are missing with one apt-get update and one install.
 * Downloading is mostly waiting on the network, so the check starts it first and awaits it before
 * the end-to-end tests.
 */
export async function ensureBrowserTestPackages(log) {
  const missing = BROWSER_TEST_PACKAGES.filter(({ executable }) => !existsSync(executable));
  if (missing.length === 0) return;
  const pkgs = missing.map(({ pkg }) => pkg);
  log(
    `${missing.map(({ executable }) => executable).join(", ")} missing; installing Debian's ${pkgs.join(", ")}`,
  );
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  // One child for both commands: the test steps block the check's event loop while they run.
  const script = `apt-get update && apt-get install -y --no-install-recommends ${pkgs.join(" ")}`;
  const command = [...sudo, "env", "DEBIAN_FRONTEND=noninteractive", "sh", "-c", script];
  await new Promise((resolve, reject) => {
    const child = spawn(command[0], command.slice(1), { stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (status) =>
      status === 0 ? resolve() : reject(new Error(`${script} failed with exit code ${status}`)),
    );
  });
  for (const { executable, pkg } of missing) {
    if (!existsSync(executable)) throw new Error(`${pkg} installed but ${executable} is absent`);
  }
}
