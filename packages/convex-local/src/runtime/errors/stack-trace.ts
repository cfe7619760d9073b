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

/** The deployed module a frame's location names (a path or a file: URL), if it is one. */
function moduleAt(location: string): UserModule | undefined {
  if (!location.startsWith("file://")) return userModules.get(location);
  try {
    return userModules.get(fileURLToPath(location));
  } catch {
    return undefined;
  }
}

const FRAME = /^\s*at (async )?(?:(.+?) \()?(.+):(\d+):(\d+)\)?$/;

/** Convex's own harness inside a bundle: trimmed from both ends of a trace, as Convex does. */
function isHarness(source: string): boolean {
  return source.includes("convex/src/server/impl") || source.includes("udf-runtime/src");
}

function mapFrame(line: string): MappedFrame | null {
  const match = FRAME.exec(line);
  if (!match) return null;
  const [, isAsync, name, location, lineText, columnText] = match;
  const module = moduleAt(location!);
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

/** The stack as the engine wrote it, real file paths included, kept for {@link userStackFrames}. */
const engineStacks = new WeakMap<object, string>();

/** V8's own format, for when no other handler was installed before ours. */
function defaultStack(error: Error, sites: NodeJS.CallSite[]): string {
  let header: string;
  try {
    header = Error.prototype.toString.call(error);
  } catch {
    header = "Error";
  }
  return [header, ...sites.map((site) => `    at ${site.toString()}`)].join("\n");
}

/** A frame line of a deployed module with the module's Convex path; other lines unchanged. */
function withConvexPath(line: string): string {
  const match = FRAME.exec(line);
  if (!match) return line;
  const [, , , location, lineText, columnText] = match;
  const module = moduleAt(location!);
  if (!module) return line;
  const shownLine = Number(lineText) - module.lineOffset;
  return line.replace(
    `${location}:${lineText}:${columnText}`,
    `${module.convexPath}:${shownLine}:${columnText}`,
  );
}

/**
 * Stacks name deployed modules as Convex does (`convex:/user/<module path>:line:col`), so code that
 * reads `new Error().stack` sees Convex's paths; the engine's own frames are left as they are.
 * A handler installed before (a test runner's) still formats the stack first.
 */
export function installStackTraces(): void {
  const previous = Error.prepareStackTrace;
  Error.prepareStackTrace = (error: Error, sites: NodeJS.CallSite[]) => {
    const engine = String(previous ? previous(error, sites) : defaultStack(error, sites));
    if (typeof error === "object" && error !== null) engineStacks.set(error, engine);
    return engine.split("\n").map(withConvexPath).join("\n");
  };
}

/**
 * The frames of `error` that lie in deployed code, mapped through its source maps to the user's
 * files (`../convex/messages.ts:12:11`), without the engine's frames or Convex's harness at the ends.
 */
export function userStackFrames(error: Error): string[] {
  const shown = typeof error.stack === "string" ? error.stack : "";
  const stack = engineStacks.get(error) ?? shown;
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
