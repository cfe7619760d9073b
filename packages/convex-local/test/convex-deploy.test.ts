import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import { generateAdminKey } from "../src/auth/admin-key.ts";
import { Backend } from "../src/runtime/backend.ts";
import { type StartPushRequest } from "../src/runtime/push/push.ts";
import { startServer, type RunningServer } from "../src/server/server.ts";
import {
  callFunction,
  CONVEX_CLI,
  convexCliEnv,
  convexProject,
  runConvexCli,
} from "./cli-harness.ts";
import { tempDir } from "./helpers.ts";

const run = promisify(execFile);
const SECRET = "4361726e697461732c206c69746572616c6c79206d65616e696e6720226c6974";
const INSTANCE = "convex-local-deploy";
const ADMIN_KEY = generateAdminKey(INSTANCE, SECRET);

let data: ReturnType<typeof tempDir>;
let backend: Backend;
let server: RunningServer;
let project: ReturnType<typeof convexProject>;

async function start(): Promise<void> {
  backend = new Backend({ dataDir: data.dir, instanceName: INSTANCE });
  await backend.deployment.loadDeployed();
  server = await startServer({ backend, port: 0, sitePort: 0, instanceSecret: SECRET });
}

async function stop(): Promise<void> {
  await server.close();
  backend.close();
}

beforeAll(async () => {
  data = tempDir();
  await start();
  project = convexProject("components");
});

afterAll(async () => {
  await stop();
  data.cleanup();
  project.cleanup();
});

/** Runs the official CLI; resolves with its exit code and everything it printed. */
function convex(args: string[], adminKey = ADMIN_KEY): Promise<{ code: number; output: string }> {
  return runConvexCli(project.dir, args, { url: server.url, adminKey });
}

const runFunction = (name: string, args: object = {}) =>
  callFunction({ url: server.url, adminKey: ADMIN_KEY }, name, args);

/**
 * Pushes with the CLI's type check off: the first deploy runs it, the later ones test what the
 * backend does with a push, and `tsc` over the project costs more than the push itself.
 */
const deploy = (adminKey = ADMIN_KEY) =>
  convex(["deploy", "--yes", "--typecheck", "disable"], adminKey);

const source = (file: string) => join(project.dir, "convex", file);

describe("npx convex deploy against convex-local", () => {
  test("pushes a project with components and writes typed codegen", async () => {
    const { code, output } = await convex(["deploy", "--yes"]);
    expect(code, output).toBe(0);
    expect(output).toContain("Deployed Convex functions to");
    const api = readFileSync(source("_generated/api.d.ts"), "utf8");
    expect(api).toContain('import type * as limits from "../limits.js"');
    expect(api).toMatch(
      /rateLimiter: import\("@convex-dev\/rate-limiter\/_generated\/component\.js"\)\.ComponentApi<"rateLimiter">/,
    );
    expect(api).toContain("workpool: import(");
    expect(api).toContain('greeter: import("../greeter/_generated/component.js")');
    // A local component without a published ComponentApi is typed from its analysis.
    const greeter = readFileSync(source("greeter/_generated/component.ts"), "utf8");
    expect(greeter).toMatch(/hello: FunctionReference<"query", "internal"/);
    expect(await runFunction("limits:greeting")).toEqual({
      greeting: "hello from the app",
      appSecret: null,
    });
    expect(await runFunction("limits:attempt", { key: "k" })).toBe(true);
    // The component's HTTP routes are mounted at the prefix `app.use` gave it.
    const inComponent = await convex(["run", "--component", "greeter", "greet:hello"]);
    expect(inComponent.code, inComponent.output).toBe(0);
    expect(JSON.parse(inComponent.output)).toEqual({
      greeting: "hello from the app",
      appSecret: null,
    });
    const hello = await fetch(`${server.siteUrl}/greeter/hello`);
    expect(await hello.text()).toBe("hello from the greeter component");
  }, 180_000);

  test("a second push replaces a function", async () => {
    writeFileSync(
      source("limits.ts"),
      readFileSync(source("limits.ts"), "utf8") +
        '\nexport const pushed = query({ args: {}, handler: async () => "second push" });\n',
    );
    const { code, output } = await deploy();
    expect(code, output).toBe(0);
    expect(await runFunction("limits:pushed")).toBe("second push");
    expect(readFileSync(source("_generated/api.d.ts"), "utf8")).toContain("limits");
  }, 180_000);

  test("a push with no changes uploads no module and reports no index changes", async () => {
    const appModule = backend.registry.modulesFor("")!.moduleExports().get("limits");
    const componentModules = [
      ...backend.registry.modulesFor("rateLimiter")!.moduleExports().values(),
    ];
    const startPush = vi.spyOn(backend.deployment, "startPush");
    const { code, output } = await deploy();
    const request = startPush.mock.calls[0]![0] as StartPushRequest;
    startPush.mockRestore();
    expect(code, output).toBe(0);
    // Unchanged code is not loaded again: the live modules are the very same instances.
    expect(backend.registry.modulesFor("")!.moduleExports().get("limits")).toBe(appModule);
    const reloaded = [...backend.registry.modulesFor("rateLimiter")!.moduleExports().values()];
    expect(reloaded.length).toBe(componentModules.length);
    reloaded.forEach((m, i) => expect(m).toBe(componentModules[i]));
    expect(request.appDefinition.changedModules).toEqual([]);
    expect(request.appDefinition.unchangedModuleHashes!.map((m) => m.path)).toEqual(
      expect.arrayContaining(["limits.js", "work.js", "retry.js"]),
    );
    expect(output).not.toMatch(/table indexes/);
    expect(await runFunction("limits:pushed")).toBe("second push");
  }, 180_000);

  test("index changes are reported as Convex reports them, and only changed modules are sent", async () => {
    const schema = readFileSync(source("schema.ts"), "utf8");
    writeFileSync(
      source("schema.ts"),
      schema.replace(
        "done: defineTable({ label: v.string() })",
        'done: defineTable({ label: v.string() }).index("by_label", ["label"])',
      ),
    );
    const added = await deploy();
    expect(added.code, added.output).toBe(0);
    expect(added.output).toMatch(/Added table indexes:\n\s+\[\+\] done\.by_label\s+label/);
    expect(added.output).not.toContain("Deleted table indexes");

    writeFileSync(source("schema.ts"), schema);
    writeFileSync(
      source("work.ts"),
      `${readFileSync(source("work.ts"), "utf8")}\nexport const touched = query({ args: {}, handler: async () => "touched" });\n`,
    );
    const startPush = vi.spyOn(backend.deployment, "startPush");
    const removed = await deploy();
    const request = startPush.mock.calls[0]![0] as StartPushRequest;
    startPush.mockRestore();
    expect(removed.code, removed.output).toBe(0);
    expect(removed.output).toMatch(/Deleted table indexes:\n\s+\[-\] done\.by_label\s+label/);
    expect(request.appDefinition.changedModules!.map((m) => m.path)).toEqual(["work.js"]);
    expect(await runFunction("work:touched")).toBe("touched");
    expect(await runFunction("limits:pushed")).toBe("second push");
  }, 180_000);

  test("codegen and dev --once run against it", async () => {
    rmSync(source("_generated"), { recursive: true, force: true });
    const codegen = await convex(["codegen", "--typecheck", "disable"]);
    expect(codegen.code, codegen.output).toBe(0);
    expect(readFileSync(source("_generated/api.d.ts"), "utf8")).toContain("greeter: import(");
    const dev = await convex(["dev", "--once", "--typecheck", "disable"]);
    expect(dev.code, dev.output).toBe(0);
    expect(await runFunction("limits:pushed")).toBe("second push");
  }, 180_000);

  test("a schema that existing documents violate is refused and the old code stays", async () => {
    await runFunction("work:markDone", { label: "kept" });
    const schema = readFileSync(source("schema.ts"), "utf8");
    writeFileSync(
      source("schema.ts"),
      schema.replace(
        "done: defineTable({ label: v.string() })",
        "done: defineTable({ label: v.number() })",
      ),
    );
    writeFileSync(
      source("limits.ts"),
      readFileSync(source("limits.ts"), "utf8").replace('"second push"', '"third push"'),
    );
    const { code, output } = await deploy();
    expect(code).not.toBe(0);
    expect(output).toContain("Schema validation failed.");
    expect(output).toMatch(/in table "done" does not match the schema/);
    expect(await runFunction("limits:pushed")).toBe("second push");
    // The old schema still accepts string labels.
    await runFunction("work:markDone", { label: "still a string" });
    expect(await runFunction("work:doneLabels")).toEqual(["kept", "still a string"]);
    writeFileSync(source("schema.ts"), schema);
  }, 180_000);

  test("code that throws while loading is refused and the old code stays", async () => {
    writeFileSync(
      source("broken.ts"),
      'import { query } from "./_generated/server";\nthrow new Error("broken at import");\nexport const never = query({ args: {}, handler: async () => 1 });\n',
    );
    const { code, output } = await deploy();
    rmSync(source("broken.ts"));
    expect(code).not.toBe(0);
    expect(output).toContain(
      "400 Bad Request: InvalidModules: Loading the pushed code failed: broken at import",
    );
    expect(await runFunction("limits:pushed")).toBe("second push");
  }, 180_000);

  test("a wrong admin key is refused with 401 and changes nothing", async () => {
    const wrongKey = generateAdminKey(INSTANCE, "00".repeat(32));
    const cli = await deploy(wrongKey);
    expect(cli.code).not.toBe(0);
    expect(cli.output).toContain("401 Unauthorized");
    const response = await fetch(`${server.url}/api/deploy2/start_push`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ adminKey: wrongKey, dryRun: false }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      code: expect.any(String),
      message: expect.any(String),
    });
    expect(await runFunction("limits:pushed")).toBe("second push");
  }, 180_000);

  test("a restarted server serves the pushed code", async () => {
    await stop();
    await start();
    expect(await runFunction("limits:pushed")).toBe("second push");
    expect(await runFunction("work:doneLabels")).toEqual(["kept", "still a string"]);
  }, 180_000);

  describe("one push adding modules and an auth config", () => {
    // Both tests check what the server makes of one push: its new modules and its auth config.
    let pushed: { code: number; output: string };

    beforeAll(async () => {
      writeFileSync(
        source("failing.ts"),
        [
          'import { query } from "./_generated/server";',
          "",
          "export const fails = query({",
          "  args: {},",
          '  handler: async () => { throw new Error("from the pushed code"); },',
          "});",
          "",
        ].join("\n"),
      );
      writeFileSync(
        source("failingNode.ts"),
        [
          '"use node";',
          'import { action } from "./_generated/server";',
          "",
          "export const fails = action({",
          '  handler: async () => { throw new Error("from a Node action"); },',
          "});",
          "",
        ].join("\n"),
      );
      writeFileSync(
        source("auth.config.ts"),
        'export default { providers: [{ type: "customJwt", issuer: "https://issuer.test", jwks: "https://issuer.test/jwks", algorithm: "RS256" }] };\n',
      );
      pushed = await deploy();
      for (const file of ["failing.ts", "failingNode.ts", "auth.config.ts"]) rmSync(source(file));
    }, 180_000);

    test("errors name the user's file and line through the pushed source maps", async () => {
      expect(pushed.code, pushed.output).toBe(0);
      const client = new ConvexHttpClient(server.url, { logger: false });
      const error = await client.query(anyApi.failing!.fails!, {}).catch((e: unknown) => e);
      expect(String((error as Error).message)).toMatch(
        /Server Error\nUncaught Error: from the pushed code\n {4}at handler \(\.\.\/convex\/failing\.ts:5:\d+\)\n?$/,
      );
      const fromNode = await client.action(anyApi.failingNode!.fails!, {}).catch((e: unknown) => e);
      expect(String((fromNode as Error).message)).toMatch(
        /Server Error\nUncaught Error: from a Node action\n {4}at handler \(\.\.\/convex\/failingNode\.ts:5:\d+\)\n?$/,
      );
    });

    test("a custom JWT provider without an applicationID deploys", () => {
      expect(pushed.code, pushed.output).toBe(0);
      expect(backend.registry.modulesFor("")!.authProviders).toEqual([
        expect.objectContaining({ type: "customJwt", issuer: "https://issuer.test" }),
      ]);
    });
  });
});

describe("npx convex deploy of Echo's backend", () => {
  const backendPackage = join(import.meta.dirname, "..", "..", "backend");
  let echo: string;

  beforeAll(() => {
    echo = mkdtempSync(join(import.meta.dirname, "..", ".convex-local", "echo-"));
    cpSync(join(backendPackage, "convex"), join(echo, "convex"), {
      recursive: true,
      filter: (src) => !src.includes("_generated"),
    });
    cpSync(join(backendPackage, "package.json"), join(echo, "package.json"));
    cpSync(join(backendPackage, "convex.json"), join(echo, "convex.json"));
    symlinkSync(join(backendPackage, "node_modules"), join(echo, "node_modules"));
  });

  afterAll(() => rmSync(echo, { recursive: true, force: true }));

  test('pushes with its agent, rag and rate-limiter components and "use node" modules, then serves', async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      [CONVEX_CLI, "deploy", "--yes", "--typecheck", "disable"],
      {
        cwd: echo,
        env: convexCliEnv({ url: server.url, adminKey: ADMIN_KEY }),
      },
    );
    expect(stdout + stderr).toContain("Deployed Convex functions to");
    const api = readFileSync(join(echo, "convex", "_generated", "api.d.ts"), "utf8");
    for (const name of ["agent", "rag", "rateLimiter"])
      expect(api).toContain(`${name}: import("@convex-dev/`);
    expect(api).toContain('import type * as health from "../health.js"');
    const ping = await fetch(`${server.url}/api/query`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ path: "health:ping", args: {}, format: "json" }),
    });
    expect(await ping.json()).toMatchObject({ status: "success", value: "ok" });
  }, 240_000);
});
