import { execFile } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fixtureDir } from "./helpers.ts";
import { startHarness, type Harness } from "./server-harness.ts";

const run = promisify(execFile);
const CONVEX_CLI = join(import.meta.dirname, "..", "node_modules", "convex", "bin", "main.js");

let h: Harness;
let project: string;
let root: string;

beforeAll(async () => {
  h = await startHarness("basic");
  // The CLI wants a project folder with a package.json; it lives in the package so `convex` resolves.
  root = join(import.meta.dirname, "..", ".convex-local");
  mkdirSync(root, { recursive: true });
  project = mkdtempSync(join(root, "cli-"));
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "cli-test", private: true, dependencies: { convex: "1.49.0" } }),
  );
  symlinkSync(fixtureDir("basic"), join(project, "convex"));
});

afterAll(async () => {
  await h.stop();
  rmSync(project, { recursive: true, force: true });
  if (readdirSync(root).length === 0) rmdirSync(root);
});

async function convex(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [CONVEX_CLI, ...args], {
    cwd: project,
    env: {
      ...process.env,
      CONVEX_SELF_HOSTED_URL: h.server.url,
      CONVEX_SELF_HOSTED_ADMIN_KEY: h.adminKey,
      CONVEX_DEPLOYMENT: "",
    },
  });
  return stdout.trim();
}

describe("the official Convex CLI", () => {
  test("sets, reads and lists environment variables", async () => {
    await convex("env", "set", "FROM_CLI", "yes");
    expect(await convex("env", "get", "FROM_CLI")).toBe("yes");
    expect(await convex("env", "list")).toContain("FROM_CLI=yes");
  }, 60_000);

  test("runs functions, internal ones included", async () => {
    expect(
      JSON.parse(
        await convex(
          "run",
          "messages:send",
          JSON.stringify({ channel: "cli", author: "a", body: "via cli" }),
        ),
      ),
    ).toEqual(expect.any(String));
    expect(
      JSON.parse(await convex("run", "messages:list", JSON.stringify({ channel: "cli" }))),
    ).toMatchObject([{ body: "via cli" }]);
    expect(JSON.parse(await convex("run", "messages:secret"))).toBe("internal only");
  }, 60_000);
});
