import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { type CliProcess, startCli } from "./cli-harness.ts";
import { Backend } from "../src/runtime/backend.ts";
import { fixtureDir, tempDir } from "./helpers.ts";

const cleanups: Array<() => void> = [];
let cli: CliProcess | null = null;

afterEach(async () => {
  if (cli && cli.child.exitCode === null) {
    cli.child.kill("SIGTERM");
    await cli.exited;
  }
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A writable copy of the basic fixture inside the package, so its imports still resolve. */
function copyFixture(): string {
  const root = join(import.meta.dirname, "..", ".convex-local");
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, "watch-"));
  cleanups.push(() => {
    rmSync(dir, { recursive: true, force: true });
    if (readdirSync(root).length === 0) rmdirSync(root);
  });
  cpSync(fixtureDir("basic"), join(dir, "convex"), { recursive: true });
  return join(dir, "convex");
}

describe("--functions watching", () => {
  test("a changed module is bundled and served again", async () => {
    const functions = copyFixture();
    const data = tempDir();
    cleanups.push(data.cleanup);
    cli = await startCli(["--data", data.dir, "--functions", functions]);
    const client = new ConvexHttpClient(cli.url, { logger: false });
    expect(await client.query("messages:secret" as never, {} as never).catch(() => "hidden")).toBe(
      "hidden",
    );
    const file = join(functions, "messages.ts");
    writeFileSync(
      file,
      readFileSync(file, "utf8")
        .replace('"internal only"', '"changed"')
        .replace("export const secret = internalQuery", "export const secret = query"),
    );
    let value: unknown = null;
    while (value !== "changed") {
      value = await client.query("messages:secret" as never, {} as never).catch(() => null);
      if (value !== "changed") await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(value).toBe("changed");
  }, 30_000);

  test("subscriptions re-run against reloaded code", async () => {
    const functions = copyFixture();
    const data = tempDir();
    cleanups.push(data.cleanup);
    cli = await startCli(["--data", data.dir, "--functions", functions]);
    const client = new ConvexClient(cli.url, { logger: false });
    try {
      const values: unknown[] = [];
      let notify = () => {};
      client.onUpdate(
        "messages:environment" as never,
        { name: "UNSET" } as never,
        (value: unknown) => {
          values.push(value);
          notify();
        },
      );
      const until = (expected: unknown) =>
        new Promise<void>((resolve) => {
          notify = () => values.includes(expected) && resolve();
          notify();
        });
      await until(null);
      const file = join(functions, "messages.ts");
      writeFileSync(
        file,
        readFileSync(file, "utf8").replace("process.env[name] ?? null", '"reloaded"'),
      );
      await until("reloaded");
      expect(values[values.length - 1]).toBe("reloaded");
    } finally {
      await client.close();
    }
  }, 30_000);

  test("a reload loads again only the modules that changed", async () => {
    const functions = copyFixture();
    const data = tempDir();
    cleanups.push(data.cleanup);
    const backend = new Backend({ dataDir: data.dir });
    cleanups.push(() => backend.close());
    await backend.deploy(functions);
    const loaded = (module: string) => backend.registry.modulesFor("")!.moduleExports().get(module);
    const counters = loaded("counters");
    const messages = loaded("messages");
    await backend.deploy(functions);
    expect(loaded("messages")).toBe(messages);
    const file = join(functions, "messages.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace('"internal only"', '"changed"'));
    await backend.deploy(functions);
    expect(loaded("messages")).not.toBe(messages);
    expect(loaded("counters")).toBe(counters);
    const result = await backend.call(null, {
      udfPath: "messages:secret",
      args: {},
      identity: null,
      isAdmin: true,
    });
    expect(result).toMatchObject({ status: "success", value: "changed" });
  }, 30_000);

  test("a schema that existing documents break is refused and the old code keeps serving", async () => {
    const functions = copyFixture();
    const data = tempDir();
    cleanups.push(data.cleanup);
    const backend = new Backend({ dataDir: data.dir });
    cleanups.push(() => backend.close());
    await backend.deploy(functions);
    const call = (udfPath: string, args: Record<string, unknown>) =>
      backend.call(null, { udfPath, args: args as never, identity: null, isAdmin: false });
    expect((await call("messages:send", { channel: "s", author: "a", body: "b" })).status).toBe(
      "success",
    );
    const schema = join(functions, "schema.ts");
    writeFileSync(
      schema,
      readFileSync(schema, "utf8").replace(
        "body: v.string(),",
        "body: v.string(),\n    priority: v.number(),",
      ),
    );
    await expect(backend.deploy(functions)).rejects.toThrow("does not match the schema");
    expect(await call("messages:list", { channel: "s" })).toMatchObject({
      status: "success",
      value: [{ body: "b" }],
    });
  }, 30_000);
});
