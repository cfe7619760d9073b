import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Installs a Debian package with apt-get when `executable` is missing. */
export function ensureDebianPackage(executable, pkg, log) {
  if (existsSync(executable)) return;
  log(`${executable} is missing; installing Debian's ${pkg} package`);
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["apt-get", "update"],
    ["apt-get", "install", "-y", "--no-install-recommends", pkg],
  ]) {
    const command = [...sudo, ...args];
    const result = spawnSync(command[0], command.slice(1), { stdio: "inherit", env });
    if (result.status !== 0) {
      throw new Error(`${command.join(" ")} failed with exit code ${result.status}`);
    }
  }
  if (!existsSync(executable)) throw new Error(`${pkg} installed but ${executable} is absent`);
}

/** Installs Debian's chromium with apt-get when the browser tests' executable is missing. */
export function ensureChromium(log) {
  ensureDebianPackage(CHROMIUM_PATH, "chromium", log);
}

/** Caddy, the reverse proxy the Path B end-to-end test runs (apps/web/e2e/start/path-b-server.e2e.ts). */
export function ensureCaddy(log) {
  ensureDebianPackage("/usr/bin/caddy", "caddy", log);
}
