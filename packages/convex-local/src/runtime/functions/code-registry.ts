import type { Value } from "convex/values";
import type { ValidationContext } from "../../validation/validate.ts";
import type {
  ComponentModules,
  FunctionAddress,
  ResolvedFunction,
  SchemaTable,
  UdfType,
} from "./function-types.ts";

/** The live code: each component's modules and schema, and how a function name resolves. */
export interface CodeRegistry {
  modulesFor(component: string): ComponentModules | undefined;
  /** Paths of the mounted components (`"rag"`, `"rag/workpool"`), the app excepted. */
  componentPaths(): string[];
  schemaTables(component: string): SchemaTable[];
  /** Convex's schema validation message for a document the table's validator refuses, else null. */
  schemaViolation(component: string, tableName: string, doc: Record<string, Value>): string | null;
  validationContext(component: string): ValidationContext;
  resolveAddress(
    component: string,
    address: FunctionAddress,
  ): { component: string; udfPath: string };
  lookup(
    component: string,
    udfPath: string,
    expected: UdfType | null,
    allowInternal: boolean,
  ): ResolvedFunction;
  /** Child component mounted at an HTTP prefix, longest prefix first. */
  httpMount(path: string): { component: string; prefix: string } | null;
}
