import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Installs Debian's chromium with apt-get when the browser tests' executable is missing. */
export function ensureChromium(log) {
  if (existsSync(CHROMIUM_PATH)) return;
  log(`${CHROMIUM_PATH} is missing; installing Debian's chromium package`);
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["apt-get", "update"],
    ["apt-get", "install", "-y", "--no-install-recommends", "chromium"],
  ]) {
    const command = [...sudo, ...args];
    const result = spawnSync(command[0], command.slice(1), { stdio: "inherit", env });
    if (result.status !== 0) {
      throw new Error(`${command.join(" ")} failed with exit code ${result.status}`);
    }
  }
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`chromium installed but ${CHROMIUM_PATH} is absent`);
}
