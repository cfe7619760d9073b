import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { callFunction, convexProject, runConvexCli } from "./cli-harness.ts";
import { startHarness, type Harness } from "./server-harness.ts";

let h: Harness;
let project: ReturnType<typeof convexProject>;

beforeAll(async () => {
  h = await startHarness("basic");
  project = convexProject("basic");
});

afterAll(async () => {
  await h.stop();
  project.cleanup();
});

const target = () => ({ url: h.server.url, adminKey: h.adminKey });

async function convex(...args: string[]): Promise<string> {
  const { code, output, stdout } = await runConvexCli(project.dir, args, target());
  expect(code, output).toBe(0);
  return stdout.trim();
}

describe("the official Convex CLI", () => {
  test("sets, reads and lists environment variables", async () => {
    await convex("env", "set", "FROM_CLI", "yes");
    expect(await convex("env", "get", "FROM_CLI")).toBe("yes");
    expect(await convex("env", "list")).toContain("FROM_CLI=yes");
    await convex("env", "remove", "FROM_CLI");
    // The query `env list` sends, through the admin API: the CLI's listing is checked above.
    const left = (await callFunction(target(), "_system/cli/queryEnvironmentVariables")) as Array<{
      name: string;
    }>;
    expect(left.map((v) => v.name)).not.toContain("FROM_CLI");
  }, 60_000);

  test("runs functions, internal ones included", async () => {
    // Written through the admin API (the request `convex run` sends); the CLI runs the reads.
    expect(
      await callFunction(target(), "messages:send", {
        channel: "cli",
        author: "a",
        body: "via cli",
      }),
    ).toEqual(expect.any(String));
    expect(
      JSON.parse(await convex("run", "messages:list", JSON.stringify({ channel: "cli" }))),
    ).toMatchObject([{ body: "via cli" }]);
    expect(JSON.parse(await convex("run", "messages:secret"))).toBe("internal only");
  }, 60_000);

  test("lists the deployment's functions: function-spec, and run after a typo", async () => {
    const spec = JSON.parse(await convex("function-spec")) as {
      url: string;
      functions: Array<Record<string, unknown>>;
    };
    expect(spec.url).toBe(h.server.url);
    expect(spec.functions).toContainEqual(
      expect.objectContaining({
        functionType: "Query",
        identifier: "messages.js:list",
        visibility: { kind: "public" },
        args: expect.objectContaining({ type: "object" }),
      }),
    );
    expect(spec.functions).toContainEqual(
      expect.objectContaining({
        identifier: "messages.js:secret",
        visibility: { kind: "internal" },
      }),
    );
    expect(spec.functions).toContainEqual(expect.objectContaining({ functionType: "HttpAction" }));
    const typo = await runConvexCli(project.dir, ["run", "messages:lits"], target());
    expect(typo.code).not.toBe(0);
    expect(typo.output).toContain("Could not find function for 'messages:lits'");
    expect(typo.output).toMatch(/Available functions:[\s\S]*• messages:list/);
  }, 60_000);
});
