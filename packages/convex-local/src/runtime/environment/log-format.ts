import { format, inspect } from "node:util";
import type { Frame } from "../execution/frame.ts";

/**
 * A console call's arguments as Convex logs them: its isolate formats them like `console.log`,
 * its Node executor inspects each one (so strings are quoted), at most 32,768 characters a string.
 */
export function formatLogArgs(frame: Frame, args: unknown[]): string {
  if (frame.runtime !== "node") return format(...args);
  return args.map((arg) => inspect(arg, { maxStringLength: 32768, customInspect: true })).join(" ");
}
