import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { originalPositionFor, TraceMap } from "@jridgewell/trace-mapping";
import type { Bundle } from "../push/bundle.ts";

type UserModule = {
  /** Where Convex says the bundle lives: `convex:/user/<module path>`. */
  convexPath: string;
  /** Lines the runtime added above the pushed code (the `"use node"` banner). */
  lineOffset: number;
  mapFile: string;
  map?: TraceMap | null;
};

/** Module files of deployed code, by absolute path: every other frame is the engine's. */
const userModules = new Map<string, UserModule>();

/** Records a loaded bundle's files so its frames are shown as Convex shows them. */
export function registerBundle(bundle: Bundle): void {
  const entries: Array<{ file: string; path: string; lineOffset: number }> = [];
  for (const m of bundle.pushed ?? [])
    entries.push({ file: m.file, path: m.path, lineOffset: m.environment === "node" ? 1 : 0 });
  if (!bundle.pushed) {
    for (const m of bundle.modules) entries.push({ file: m.file, path: m.path, lineOffset: 0 });
    for (const file of bundle.files ?? []) {
      const path = file.slice(bundle.outDir.length + 1).replace(/(\.[0-9a-f]{16})?\.mjs$/, ".js");
      entries.push({ file, path, lineOffset: 0 });
    }
  }
  for (const { file, path, lineOffset } of entries) {
    if (userModules.has(file)) continue;
    userModules.set(file, {
      convexPath: `convex:/user/${path}`,
      lineOffset,
      mapFile: `${file}.map`,
    });
  }
}

function sourceMap(module: UserModule): TraceMap | null {
  if (module.map === undefined) {
    try {
      module.map = existsSync(module.mapFile)
        ? new TraceMap(readFileSync(module.mapFile, "utf8"))
        : null;
    } catch {
      module.map = null;
    }
  }
  return module.map;
}

type MappedFrame = { text: string; internal: boolean };

const FRAME = /^\s*at (async )?(?:(.+?) \()?(.+):(\d+):(\d+)\)?$/;

/** Convex's own harness inside a bundle: trimmed from both ends of a trace, as Convex does. */
function isHarness(source: string): boolean {
  return source.includes("convex/src/server/impl") || source.includes("udf-runtime/src");
}

function mapFrame(line: string): MappedFrame | null {
  const match = FRAME.exec(line);
  if (!match) return null;
  const [, isAsync, name, location, lineText, columnText] = match;
  let file = location!;
  if (file.startsWith("file://")) {
    try {
      file = fileURLToPath(file);
    } catch {
      return null;
    }
  }
  const module = userModules.get(file);
  if (!module) return null;
  let shown = module.convexPath;
  let lineNumber = Number(lineText) - module.lineOffset;
  let column = Number(columnText);
  const map = sourceMap(module);
  const original = map ? originalPositionFor(map, { line: lineNumber, column: column - 1 }) : null;
  if (original?.source && original.line !== null) {
    shown = original.source;
    lineNumber = original.line;
    column = original.column + 1;
  }
  return {
    text: `    at ${isAsync ?? ""}${name ?? "<anonymous>"} (${shown}:${lineNumber}:${column})`,
    internal: isHarness(shown),
  };
}

/**
 * The frames of `error` that lie in deployed code, mapped through its source maps to the user's
 * files (`../convex/messages.ts:12:11`), without the engine's frames or Convex's harness at the ends.
 */
export function userStackFrames(error: Error): string[] {
  const stack = typeof error.stack === "string" ? error.stack : "";
  const at = stack.indexOf(error.message);
  const rest = at === -1 ? stack : stack.slice(at + error.message.length);
  const mapped = rest
    .split("\n")
    .map(mapFrame)
    .filter((f): f is MappedFrame => f !== null);
  while (mapped.length > 0 && mapped[0]!.internal) mapped.shift();
  while (mapped.length > 0 && mapped[mapped.length - 1]!.internal) mapped.pop();
  return mapped.map((f) => f.text);
}
