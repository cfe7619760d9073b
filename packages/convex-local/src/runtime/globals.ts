import { format } from "node:util";
import { frames } from "./frame.ts";
import { asyncSyscall, jsSyscall, syscall } from "./syscalls.ts";

const realRandom = Math.random;
const RealDate = Date;
let installed = false;
/** Env vars for code that runs outside any execution (module top level). */
let fallbackEnv: () => Record<string, string> = () => ({});

export function realNow(): number {
  return RealDate.now();
}

export function setFallbackEnv(env: () => Record<string, string>): void {
  fallbackEnv = env;
}

/**
 * Installs the `Convex` global that `convex/server` calls, and routes randomness, the clock,
 * console output and `process.env` to the execution that is running.
 */
export function installGlobals(): void {
  if (installed) return;
  installed = true;
  const g = globalThis as Record<string, unknown>;
  g.Convex = { syscall, asyncSyscall, jsSyscall };

  Math.random = () => {
    const frame = frames.getStore();
    return frame?.random ? frame.random() : realRandom();
  };

  class FrozenDate extends RealDate {
    constructor(...args: unknown[]) {
      const frame = frames.getStore();
      if (args.length === 0 && frame?.now !== undefined) super(frame.now);
      else super(...(args as []));
    }
    static override now(): number {
      return frames.getStore()?.now ?? RealDate.now();
    }
  }
  g.Date = FrozenDate;

  const realFetch = globalThis.fetch;
  g.fetch = (...args: Parameters<typeof fetch>) => {
    const kind = frames.getStore()?.kind;
    if (kind === "query" || kind === "mutation") {
      throw new Error("Can't use fetch() in queries and mutations. Please consider using an action.");
    }
    return realFetch(...args);
  };

  for (const name of ["setTimeout", "setInterval"] as const) {
    const original = globalThis[name] as (...args: unknown[]) => unknown;
    g[name] = (...args: unknown[]) => {
      const kind = frames.getStore()?.kind;
      if (kind === "query" || kind === "mutation") {
        throw new Error(`Can't use ${name} in queries and mutations. Please consider using an action.`);
      }
      return original(...args);
    };
  }

  g.__convexLocalEnv = new Proxy(
    {},
    {
      get: (_target, key) => {
        if (typeof key !== "string") return undefined;
        const frame = frames.getStore();
        const env = frame ? frame.backend.environmentVariables(frame.component) : fallbackEnv();
        return env[key];
      },
      has: (_target, key) => {
        const frame = frames.getStore();
        const env = frame ? frame.backend.environmentVariables(frame.component) : fallbackEnv();
        return typeof key === "string" && key in env;
      },
      ownKeys: () => {
        const frame = frames.getStore();
        return Object.keys(frame ? frame.backend.environmentVariables(frame.component) : fallbackEnv());
      },
      getOwnPropertyDescriptor: (_target, key) => {
        const frame = frames.getStore();
        const env = frame ? frame.backend.environmentVariables(frame.component) : fallbackEnv();
        if (typeof key !== "string" || !(key in env)) return undefined;
        return { value: env[key], enumerable: true, configurable: true, writable: false };
      },
    },
  );

  const levels: Array<[string, string]> = [
    ["log", "LOG"],
    ["info", "INFO"],
    ["warn", "WARN"],
    ["error", "ERROR"],
    ["debug", "DEBUG"],
  ];
  for (const [method, level] of levels) {
    const target = console as unknown as Record<string, (...a: unknown[]) => void>;
    const original = target[method]!.bind(console);
    target[method] = (...args: unknown[]) => {
      const frame = frames.getStore();
      if (!frame) return original(...args);
      frame.logLines.push(`[${level}] ${format(...args)}`);
    };
  }
}
