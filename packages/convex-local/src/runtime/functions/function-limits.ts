import { getConvexSize, jsonToConvex, type JSONValue } from "convex/values";
import {
  MAX_FUNCTION_ARGS_BYTES,
  MAX_FUNCTION_RESULT_BYTES,
  MAX_VALUE_NESTING,
  valueNesting,
} from "../../values/limits.ts";
import { FunctionError } from "../errors/errors.ts";

/** A size as Convex's messages print it (binary units, two decimals unless whole). */
function formatBinarySize(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(2)} ${units[unit]}`;
}

/** The path as Convex's messages name it: the module file with its `.js`. */
function pathText(udfPath: string): string {
  const [module, name = "default"] = udfPath.split(":");
  return `${module!.endsWith(".js") ? module : `${module}.js`}:${name}`;
}

/**
 * No value is more than 9 times its JSON's length in Convex's accounting (a number is 9 bytes, a
 * character at most 3), so most calls skip measuring.
 */
const surelySmall = (json: string, limit: number) => json.length * 9 <= limit;

/** Convex measures a call's arguments as the array of its one argument object; `argsJson` is that array's JSON. */
export function checkArgsSize(udfPath: string, args: JSONValue, argsJson: string): void {
  checkNesting([args], argsJson);
  if (surelySmall(argsJson, MAX_FUNCTION_ARGS_BYTES)) return;
  const size = getConvexSize([jsonToConvex(args)]);
  if (size > MAX_FUNCTION_ARGS_BYTES)
    throw new FunctionError(
      `Arguments for ${pathText(udfPath)} are too large (actual: ${formatBinarySize(size)}, limit: ${formatBinarySize(MAX_FUNCTION_ARGS_BYTES)})`,
    );
}

export function checkResultSize(udfPath: string, value: JSONValue, json: string): void {
  checkNesting(value, json);
  if (surelySmall(json, MAX_FUNCTION_RESULT_BYTES)) return;
  const size = getConvexSize(jsonToConvex(value));
  if (size > MAX_FUNCTION_RESULT_BYTES)
    throw new FunctionError(
      `Function ${pathText(udfPath)} return value is too large (actual: ${formatBinarySize(size)}, limit: ${formatBinarySize(MAX_FUNCTION_RESULT_BYTES)})`,
    );
}

/** Convex's 64 levels for any value; a JSON text needs two characters per level to exceed them. */
function checkNesting(value: JSONValue, json: string): void {
  if (json.length <= 2 * MAX_VALUE_NESTING) return;
  const nesting = valueNesting(value);
  if (nesting > MAX_VALUE_NESTING)
    throw new FunctionError(
      `Value is too nested (nested ${nesting} levels deep > maximum nesting ${MAX_VALUE_NESTING})`,
    );
}
