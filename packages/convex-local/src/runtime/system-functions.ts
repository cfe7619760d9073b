import { type JSONValue } from "convex/values";
import { type Backend } from "./backend.ts";
import { canonicalizeUdfPath } from "./modules.ts";

type SystemFunction = (backend: Backend, args: Record<string, JSONValue>) => JSONValue;

/** Built-in admin queries the Convex CLI subscribes to (`npx convex env list|get`). */
const SYSTEM_FUNCTIONS: Record<string, SystemFunction> = {
  "_system/cli/queryEnvironmentVariables:default": (backend) =>
    Object.entries(backend.storedEnvironmentVariables()).map(([name, value]) => ({ name, value })),
  "_system/cli/queryEnvironmentVariables:get": (backend, args) => {
    const name = String(args.name);
    const value = backend.storedEnvironmentVariables()[name];
    return value === undefined ? null : { name, value };
  },
};

export function systemFunction(udfPath: string): SystemFunction | undefined {
  return SYSTEM_FUNCTIONS[canonicalizeUdfPath(udfPath)];
}
