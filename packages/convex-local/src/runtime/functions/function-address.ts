import { FunctionError } from "../errors/errors.ts";
import type { FunctionAddress } from "./function-types.ts";
import { canonicalizeUdfPath } from "./modules.ts";

/** The component and `module:function` an address points at, seen from `component`. */
export function resolveFunctionAddress(
  component: string,
  address: FunctionAddress,
): { component: string; udfPath: string } {
  if (address.functionHandle) {
    const match = /^function:\/\/([^#]*)#(.+)$/.exec(address.functionHandle);
    if (!match) throw new FunctionError(`Invalid function handle ${address.functionHandle}`);
    return { component: decodeURIComponent(match[1]!), udfPath: canonicalizeUdfPath(match[2]!) };
  }
  if (address.reference) {
    const parts = address.reference.split("/");
    if (parts[0] !== "_reference" || parts[1] !== "childComponent" || parts.length < 5) {
      throw new FunctionError(`Invalid function reference ${address.reference}`);
    }
    const child = parts[2]!;
    const fn = parts[parts.length - 1]!;
    const modulePath = parts.slice(3, -1).join("/");
    return {
      component: component ? `${component}/${child}` : child,
      udfPath: `${modulePath}:${fn}`,
    };
  }
  if (!address.name) throw new FunctionError("Function address has no name, reference or handle.");
  return { component, udfPath: canonicalizeUdfPath(address.name) };
}

/** A handle string for `createFunctionHandle`; only this runtime reads it back. */
export function functionHandle(component: string, udfPath: string): string {
  return `function://${encodeURIComponent(component)}#${udfPath}`;
}
