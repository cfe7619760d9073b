import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";

const SRC = join(import.meta.dirname, "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** The package modules `file` imports or re-exports, `import type` included (esbuild drops those). */
function importsOf(file: string, source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((name) => name.startsWith("."))
    .map((name) => join(dirname(file), name));
}

/** The package's module graph, from its sources: each module's imports of value and type alike. */
function importGraph(files: string[]): Map<string, string[]> {
  return new Map(files.map((file) => [file, importsOf(file, readFileSync(file, "utf8"))]));
}

/** Strongly connected components of more than one module (Tarjan): each is an import cycle. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("module structure", () => {
  test("no module of the package imports itself through others, type imports included", () => {
    const graph = importGraph(sourceFiles(SRC));
    expect(graph.size).toBeGreaterThan(50);
    expect(cycles(graph).map((c) => c.map((f) => relative(SRC, f)))).toEqual([]);
  });

  test("the check finds a cycle when there is one", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(cycles(graph).map((c) => c.sort())).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });

  test("type-only imports and re-exports are edges of the graph", () => {
    const source = [
      'import type { Frame } from "./frame.ts";',
      "import {",
      "  type Store,",
      '} from "../storage/store.ts";',
      'export type { Outcome } from "./function-runner.ts";',
      'import { z } from "zod";',
    ].join("\n");
    expect(importsOf("/p/src/runtime/x.ts", source)).toEqual([
      "/p/src/runtime/frame.ts",
      "/p/src/storage/store.ts",
      "/p/src/runtime/function-runner.ts",
    ]);
  });

  test("only the CLI and the server build on the composition root", () => {
    const root = join(SRC, "runtime", "backend.ts");
    const importers = [...importGraph(sourceFiles(SRC))]
      .filter(([, imports]) => imports.includes(root))
      .map(([file]) => relative(SRC, file))
      .filter((file) => file !== "cli.ts" && !file.startsWith("server/"));
    expect(importers).toEqual([]);
  });
});
