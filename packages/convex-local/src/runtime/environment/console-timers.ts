import { type Frame, frames } from "../execution/frame.ts";
import { formatLogArgs } from "./log-format.ts";

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
  type Run = (frame: Frame, map: Map<string, number>, label: string, rest: unknown[]) => void;
  const wrap = (method: string, run: Run) => {
    const original = target[method]!.bind(console);
    target[method] = (label: unknown = "default", ...rest: unknown[]) => {
      const frame = frames.getStore();
      if (!frame) return original(label, ...rest);
      run(frame, timersOf(frame), String(label), rest);
    };
  };
  const elapsed = (start: number) => `${Math.floor(now()) - Math.floor(start)}ms`;
  // The timer's own text is never a format string, whatever the label holds.
  const line = (frame: Frame, level: string, text: string, ...rest: unknown[]) => {
    let message = text;
    if (frame.runtime === "node") message = formatLogArgs(frame, [text, ...rest]);
    else if (rest.length) message = `${text} ${formatLogArgs(frame, rest)}`;
    frame.logLines.push(`[${level}] ${message}`);
  };
  wrap("time", (frame, map, label) => {
    if (map.has(label)) line(frame, "WARN", `Timer '${label}' already exists`);
    else map.set(label, now());
  });
  wrap("timeLog", (frame, map, label, rest) => {
    const start = map.get(label);
    if (start === undefined) line(frame, "WARN", `Timer '${label}' does not exist`);
    else line(frame, "INFO", `${label}: ${elapsed(start)}`, ...rest);
  });
  wrap("timeEnd", (frame, map, label) => {
    const start = map.get(label);
    if (start === undefined) return void line(frame, "WARN", `Timer '${label}' does not exist`);
    map.delete(label);
    line(frame, "INFO", `${label}: ${elapsed(start)}`);
  });
}
