import { installConsoleTimers } from "./console-timers.ts";
import { formatLogArgs } from "./log-format.ts";
import { frozenDate } from "./frozen-date.ts";
import { installStackTraces } from "../errors/stack-trace.ts";
import { frames } from "../execution/frame.ts";
import { asyncSyscall, jsSyscall, syscall } from "../syscalls/syscalls.ts";

const realRandom = Math.random;
/** Timers for the runtime's own use, even while a query or mutation is on the async stack. */
export const realSetTimeout = globalThis.setTimeout;
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

  // Like Convex, crypto randomness in queries and mutations comes from the execution's seed.
  const webCrypto = globalThis.crypto;
  const realGetRandomValues = webCrypto.getRandomValues.bind(webCrypto);
  const realRandomUUID = webCrypto.randomUUID.bind(webCrypto);
  webCrypto.getRandomValues = <T extends ArrayBufferView | null>(array: T): T => {
    const random = frames.getStore()?.random;
    if (!random || array === null) return realGetRandomValues(array as never) as T;
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
    return array;
  };
  webCrypto.randomUUID = () => {
    if (!frames.getStore()?.random) return realRandomUUID();
    const b = webCrypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const hex = Buffer.from(b).toString("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` as ReturnType<
      typeof realRandomUUID
    >;
  };

  const FrozenDate = frozenDate(RealDate, () => frames.getStore()?.now);
  // Dates are plain dates, so `date.constructor === Date` holds for the installed Date.
  Object.defineProperty(RealDate.prototype, "constructor", {
    value: FrozenDate,
    writable: true,
    configurable: true,
  });
  g.Date = FrozenDate;

  const realFetch = globalThis.fetch;
  g.fetch = (...args: Parameters<typeof fetch>) => {
    const kind = frames.getStore()?.kind;
    if (kind === "query" || kind === "mutation") {
      throw new Error(
        "Can't use fetch() in queries and mutations. Please consider using an action.",
      );
    }
    return realFetch(...args);
  };

  for (const name of ["setTimeout", "setInterval"] as const) {
    const original = globalThis[name] as (...args: unknown[]) => unknown;
    g[name] = (...args: unknown[]) => {
      const kind = frames.getStore()?.kind;
      if (kind === "query" || kind === "mutation") {
        throw new Error(
          `Can't use ${name} in queries and mutations. Please consider using an action.`,
        );
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
        const env = frame ? frame.host.env.environmentVariables(frame.component) : fallbackEnv();
        return env[key];
      },
      has: (_target, key) => {
        const frame = frames.getStore();
        const env = frame ? frame.host.env.environmentVariables(frame.component) : fallbackEnv();
        return typeof key === "string" && key in env;
      },
      ownKeys: () => {
        const frame = frames.getStore();
        return Object.keys(
          frame ? frame.host.env.environmentVariables(frame.component) : fallbackEnv(),
        );
      },
      getOwnPropertyDescriptor: (_target, key) => {
        const frame = frames.getStore();
        const env = frame ? frame.host.env.environmentVariables(frame.component) : fallbackEnv();
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
      frame.logLines.push(`[${level}] ${formatLogArgs(frame, args)}`);
    };
  }
  installConsoleTimers(realNow);
  installStackTraces();
}
