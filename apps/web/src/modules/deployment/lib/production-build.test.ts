// @vitest-environment node
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

import { expect, test } from "vitest";

const apps = fileURLToPath(new URL("../../../../../", import.meta.url));

// `next build` loads next.config before compiling anything, so a refused build ends in seconds.
function build(app: "web" | "widget", env: Record<string, string>) {
  const next = createRequire(`${apps}${app}/package.json`).resolve("next/dist/bin/next");
  return spawnSync(process.execPath, [next, "build"], {
    cwd: `${apps}${app}`,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

const configured = {
  ECHO_DEPLOYMENT: "production",
  ECHO_WEB_URL: "https://app.example.com",
  ECHO_WIDGET_URL: "https://widget.example.com",
  ECHO_EMBED_SCRIPT_URL: "https://cdn.example.com/widget.js",
  ECHO_CONVEX_URL: "https://happy-otter-123.convex.cloud",
  ECHO_CONVEX_SITE_URL: "https://happy-otter-123.convex.site",
};

test("a production build of the dashboard with a localhost widget URL fails naming it", () => {
  const result = build("web", { ...configured, ECHO_WIDGET_URL: "http://localhost:3001" });
  expect(result.status).not.toBe(0);
  expect(result.stdout + result.stderr).toContain(
    "ECHO_WIDGET_URL points at this machine (localhost): http://localhost:3001",
  );
}, 70_000);

test("a production build of the widget with no backend URL fails naming it", () => {
  const result = build("widget", { ...configured, ECHO_CONVEX_URL: "" });
  expect(result.status).not.toBe(0);
  expect(result.stdout + result.stderr).toContain("ECHO_CONVEX_URL is not set");
}, 70_000);
