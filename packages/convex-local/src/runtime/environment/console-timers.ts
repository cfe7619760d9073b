import { format } from "node:util";
import { frames } from "../execution/frame.ts";

/** Each execution's `console.time` labels and their start (real clock, ms); as Convex, per execution. */
const timers = new WeakMap<object, Map<string, number>>();

function timersOf(frame: object): Map<string, number> {
  let map = timers.get(frame);
  if (!map) timers.set(frame, (map = new Map()));
  return map;
}

/**
 * Routes `console.time`, `timeLog` and `timeEnd` to the running execution's log with Convex's lines:
 * `[INFO] label: 12ms`, and `[WARN] Timer 'label' does not exist` / `already exists`.
 */
export function installConsoleTimers(now: () => number): void {
  const target = console as unknown as Record<string, (...a: unknown[]) => void>;
  type Run = (log: string[], map: Map<string, number>, label: string, rest: unknown[]) => void;
  const wrap = (method: string, run: Run) => {
    const original = target[method]!.bind(console);
    target[method] = (label: unknown = "default", ...rest: unknown[]) => {
      const frame = frames.getStore();
      if (!frame) return original(label, ...rest);
      run(frame.logLines, timersOf(frame), String(label), rest);
    };
  };
  const elapsed = (start: number) => `${Math.floor(now()) - Math.floor(start)}ms`;
  wrap("time", (log, map, label) => {
    if (map.has(label)) log.push(`[WARN] Timer '${label}' already exists`);
    else map.set(label, now());
  });
  wrap("timeLog", (log, map, label, rest) => {
    const start = map.get(label);
    if (start === undefined) log.push(`[WARN] Timer '${label}' does not exist`);
    else log.push(`[INFO] ${label}: ${elapsed(start)}${rest.length ? ` ${format(...rest)}` : ""}`);
  });
  wrap("timeEnd", (log, map, label) => {
    const start = map.get(label);
    if (start === undefined) return void log.push(`[WARN] Timer '${label}' does not exist`);
    map.delete(label);
    log.push(`[INFO] ${label}: ${elapsed(start)}`);
  });
}
