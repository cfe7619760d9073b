import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateAdminKey } from "../src/auth/admin-key.ts";
import { callFunction, convexProject, runConvexCli } from "./cli-harness.ts";
import { tempDir } from "./helpers.ts";
import { startDeployment } from "./server-harness.ts";

type Deployment = Awaited<ReturnType<typeof startDeployment>>;

let project: ReturnType<typeof convexProject>;
let source: Deployment;
let fresh: Deployment;
const dataDirs: Array<ReturnType<typeof tempDir>> = [];
let work: ReturnType<typeof tempDir>;

const SNAP_MODULE = `import { v } from "convex/values";
import { action, mutation, query } from "./_generated/server";

export const seed = mutation({
  args: {},
  handler: async (ctx) => {
    await ctx.db.insert("kinds", {
      n: 12345678901234n,
      b: new Uint8Array([0, 1, 2, 250]).buffer,
      f: 1.5,
      label: "12345678901234",
      nested: { list: [1n, "1", Infinity, -Infinity, NaN], flag: true, none: null },
    });
    await ctx.db.insert("kinds", { n: -1n, b: new ArrayBuffer(0), f: -0, label: "second", nested: [] });
  },
});

export const all = query({
  args: {},
  handler: async (ctx) => {
    const docs = await ctx.db.query("kinds").collect();
    return docs.map((d) => ({ ...d, nested: JSON.stringify(d.nested, (_k, x) => (typeof x === "bigint" ? \`\${x}n\` : typeof x === "number" && !Number.isFinite(x) ? String(x) : x)) }));
  },
});

export const store = action({
  args: { text: v.string() },
  handler: async (ctx, { text }) => await ctx.storage.store(new Blob([text], { type: "text/plain" })),
});

export const fileUrl = query({
  args: { id: v.id("_storage") },
  handler: async (ctx, { id }) => await ctx.storage.getUrl(id),
});
`;

function dump(d: Deployment, tables: "user" | "all" = "all"): Array<[string, string, string]> {
  return d.backend.store.db
    .prepare(
      `SELECT t.component AS component, t.name AS name, d.json AS json FROM documents d
       JOIN tables t ON t.number = d.table_number ORDER BY d.id`,
    )
    .all()
    .filter((r) => !String(r.name).startsWith("_") || (tables === "all" && r.name === "_storage"))
    .map((r) => [String(r.component), String(r.name), String(r.json)]);
}

const cli = (d: Deployment, ...args: string[]) => runConvexCli(project.dir, args, d);

beforeAll(async () => {
  project = convexProject("components");
  const schema = join(project.dir, "convex", "schema.ts");
  writeFileSync(
    schema,
    readFileSync(schema, "utf8").replace(
      "done: defineTable",
      "kinds: defineTable({ n: v.int64(), b: v.bytes(), f: v.float64(), label: v.string(), nested: v.any() }),\n  done: defineTable",
    ),
  );
  writeFileSync(join(project.dir, "convex", "snap.ts"), SNAP_MODULE);
  for (let i = 0; i < 2; i++) dataDirs.push(tempDir());
  work = tempDir();
  source = await startDeployment(dataDirs[0]!.dir);
  fresh = await startDeployment(dataDirs[1]!.dir);
});

afterAll(async () => {
  await source?.stop();
  await fresh?.stop();
  for (const d of dataDirs) d.cleanup();
  work?.cleanup();
  project?.cleanup();
});

describe("npx convex export and import against convex-local", () => {
  let fileId: string;

  test("export writes Convex's snapshot ZIP with tables, components and files", async () => {
    const deploy = await cli(source, "deploy", "--yes", "--typecheck", "disable");
    expect(deploy.code, deploy.output).toBe(0);
    await callFunction(source, "snap:seed");
    fileId = (await callFunction(source, "snap:store", { text: "file body ✓" })) as string;
    await callFunction(source, "limits:attempt", { key: "k" });
    await callFunction(source, "work:markDone", { label: "a" });

    const zipPath = join(work.dir, "snap.zip");
    const exported = await cli(source, "export", "--path", zipPath, "--include-file-storage");
    expect(exported.code, exported.output).toBe(0);
    expect(exported.output).toContain("Downloaded snapshot export to");
    const entries = unzipSync(readFileSync(zipPath));
    const text = (name: string) => Buffer.from(entries[name]!).toString("utf8");
    expect(Object.keys(entries)).toEqual(
      expect.arrayContaining([
        "README.md",
        "_tables/documents.jsonl",
        "kinds/documents.jsonl",
        "kinds/generated_schema.jsonl",
        "_storage/documents.jsonl",
        `_storage/${fileId}.txt`,
        "_components/rateLimiter/_tables/documents.jsonl",
        "_components/rateLimiter/rateLimits/documents.jsonl",
      ]),
    );
    expect(text(`_storage/${fileId}.txt`)).toBe("file body ✓");
    const tables = text("_tables/documents.jsonl")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(tables).toContainEqual({ name: "kinds", id: expect.any(Number) });
    // Clean JSON: int64 as a decimal string, bytes as base64, with the types in generated_schema.jsonl.
    const [first] = text("kinds/documents.jsonl")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(first).toMatchObject({
      n: "12345678901234",
      b: "AAEC+g==",
      f: 1.5,
      label: "12345678901234",
    });
    const schema = text("kinds/generated_schema.jsonl")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(schema[0]).toBe("unknown");
    expect(schema[1]).toEqual({
      [first._id]: {
        n: "int64",
        b: "bytes",
        nested: {
          list: ["int64", "infer", "float64inf", "float64inf", { $float64NaN: expect.any(String) }],
        },
      },
    });
  }, 240_000);

  test("import into a fresh data folder gives the same documents and files", async () => {
    const imported = await cli(fresh, "import", "--yes", join(work.dir, "snap.zip"));
    expect(imported.code, imported.output).toBe(0);
    expect(imported.output).toMatch(/Added \d+ documents/);
    expect(dump(fresh)).toEqual(dump(source));
    // The same code, pushed to the imported data (through the server; the CLI's push is the
    // source's), sees the same values and files.
    await fresh.backend.deploy(join(project.dir, "convex"));
    const all = await callFunction(fresh, "snap:all");
    expect(all).toEqual(await callFunction(source, "snap:all"));
    expect(all).toContainEqual(
      expect.objectContaining({ n: { $integer: "8i/OczoLAAA=" }, b: { $bytes: "AAEC+g==" } }),
    );
    const url = await callFunction(fresh, "snap:fileUrl", { id: fileId });
    const response = await fetch(url as string);
    expect(await response.text()).toBe("file body ✓");
    expect(dump(fresh, "user")).toEqual(dump(source, "user"));
  }, 240_000);

  test("bad input gets a clear error and changes nothing", async () => {
    const before = dump(fresh);
    const notZip = join(work.dir, "broken.zip");
    writeFileSync(notZip, "this is not a zip file");
    const broken = await cli(fresh, "import", "--yes", "--replace", notZip);
    expect(broken.code).not.toBe(0);
    expect(broken.output).toContain("The file is not a valid ZIP archive");

    const again = await cli(fresh, "import", "--yes", join(work.dir, "snap.zip"));
    expect(again.code).not.toBe(0);
    expect(again.output).toMatch(
      /Table "[\w:]+" already has \d+ documents?\. Import with --replace/,
    );

    const badRows = join(work.dir, "kinds.jsonl");
    writeFileSync(badRows, '{"n":"1","b":"AA==","f":1,"label":"x","nested":null}\n{"broken json\n');
    const unparsable = await cli(fresh, "import", "--yes", "--append", "--table", "kinds", badRows);
    expect(unparsable.code).not.toBe(0);
    expect(unparsable.output).toContain("Line 2 of the file is not valid JSON.");

    writeFileSync(badRows, '{"n":"1","b":"AA==","f":1,"label":"x","nested":null}\n');
    const invalid = await cli(fresh, "import", "--yes", "--append", "--table", "kinds", badRows);
    expect(invalid.code).not.toBe(0);
    expect(invalid.output).toContain("Schema validation failed.");

    // A wrong admin key is refused on every export, import and log route.
    const wrongKey = generateAdminKey("convex-local-test", "00".repeat(32));
    const refused = await runConvexCli(
      project.dir,
      ["import", "--yes", "--replace", join(work.dir, "snap.zip")],
      { url: fresh.url, adminKey: wrongKey },
    );
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain("The provided admin key was invalid");
    for (const [method, path] of [
      ["POST", "/api/export/request/zip?includeStorage=true"],
      ["POST", "/api/import/start_upload"],
      ["POST", "/api/perform_import"],
      ["GET", "/api/stream_function_logs?cursor=0"],
    ]) {
      const response = await fetch(`${fresh.url}${path}`, {
        method,
        headers: { Authorization: `Convex ${wrongKey}` },
      });
      expect(response.status, path).toBe(401);
    }
    expect(dump(fresh)).toEqual(before);
  }, 240_000);

  test("single-table imports: --replace from JSON lines, --append from CSV and JSON", async () => {
    const lines = join(work.dir, "done.jsonl");
    writeFileSync(lines, '{"label":"one"}\n{"label":"two"}\n');
    const replaced = await cli(fresh, "import", "--yes", "--replace", "--table", "done", lines);
    expect(replaced.code, replaced.output).toBe(0);
    expect(replaced.output).toContain('Added 2 documents to table "done"');
    expect(await callFunction(fresh, "work:doneLabels")).toEqual(["one", "two"]);

    const csv = join(work.dir, "done.csv");
    writeFileSync(csv, 'label\n"three, with a comma"\n');
    expect((await cli(fresh, "import", "--yes", "--append", "--table", "done", csv)).code).toBe(0);
    const json = join(work.dir, "done.json");
    writeFileSync(json, '[{"label":"four"}]');
    expect((await cli(fresh, "import", "--yes", "--append", "--table", "done", json)).code).toBe(0);
    expect(await callFunction(fresh, "work:doneLabels")).toEqual([
      "four",
      "one",
      "three, with a comma",
      "two",
    ]);
  }, 240_000);

  test("a large import arrives in many upload parts and is written in several commits", async () => {
    const rows = join(work.dir, "attempts.jsonl");
    const count = 9_000;
    writeFileSync(
      rows,
      Array.from({ length: count }, (_, i) => JSON.stringify({ key: `k${i}`, count: i })).join(
        "\n",
      ),
    );
    const imported = await runConvexCli(
      project.dir,
      ["import", "--yes", "--append", "--table", "attempts", rows],
      fresh,
      // Small parts, so the upload takes several and their order matters.
      { CONVEX_IMPORT_CHUNK_SIZE: String(64 * 1024) },
    );
    expect(imported.code, imported.output).toBe(0);
    expect(imported.output).toContain(`Added ${count} documents to table "attempts"`);
    const stored = fresh.backend.store.db
      .prepare(
        "SELECT d.json AS json FROM documents d JOIN tables t ON t.number = d.table_number WHERE t.component = '' AND t.name = 'attempts'",
      )
      .all()
      .map((r) => JSON.parse(String(r.json)) as { key: string; count: number });
    expect(stored.length).toBe(count);
    expect(new Set(stored.map((d) => d.key)).size).toBe(count);
    expect(stored.find((d) => d.key === "k8999")?.count).toBe(8999);
  }, 240_000);

  test("npx convex data lists tables and shows a table's documents", async () => {
    const tables = await cli(fresh, "data");
    expect(tables.code, tables.output).toBe(0);
    expect(tables.output.split("\n")).toEqual(
      expect.arrayContaining(["attempts", "done", "kinds"]),
    );
    const rows = await cli(fresh, "data", "done", "--format", "jsonl", "--order", "asc");
    expect(rows.code, rows.output).toBe(0);
    const labels = rows.output
      .trim()
      .split("\n")
      .map((l) => (JSON.parse(l) as { label: string }).label);
    expect(labels).toEqual(["one", "two", "three, with a comma", "four"]);
    const limited = await cli(fresh, "data", "done", "--limit", "1");
    expect(limited.output).toContain("four");
    expect(limited.output).not.toContain("three, with a comma");
  }, 240_000);

  test("--replace-all brings every table back to the snapshot", async () => {
    const replaced = await cli(
      fresh,
      "import",
      "--yes",
      "--replace-all",
      join(work.dir, "snap.zip"),
    );
    expect(replaced.code, replaced.output).toBe(0);
    expect(replaced.output).toMatch(/attempts\s+\| 0\s+\| 9,000 of 9,000 \|/);
    expect(dump(fresh)).toEqual(dump(source));
  }, 240_000);
});
