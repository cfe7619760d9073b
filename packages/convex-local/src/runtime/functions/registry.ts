import type { Value, ValidatorJSON } from "convex/values";
import { decodeDocumentId } from "../../ids/document-id.ts";
import type { Store } from "../../storage/store.ts";
import {
  schemaValidationMessage,
  validateDocument,
  type ValidationContext,
} from "../../validation/validate.ts";
import type { CodeRegistry } from "./code-registry.ts";
import type { ComponentNode } from "../push/component-tree.ts";
import { FunctionError } from "../errors/errors.ts";
import { resolveFunctionAddress } from "./function-address.ts";
import type { FunctionAddress, ResolvedFunction, SchemaTable, UdfType } from "./function-types.ts";
import { canonicalizeUdfPath, type LoadedModules } from "./modules.ts";
import { udfTypeName } from "./udf-type-name.ts";

/** The live code of every component, its schemas, HTTP mounts, and function lookup. */
export class Registry implements CodeRegistry {
  private readonly store: Store;
  private readonly components = new Map<string, LoadedModules>();
  private nodes: ComponentNode[] = [];
  private readonly validationContexts = new Map<string, ValidationContext>();

  constructor(store: Store) {
    this.store = store;
  }

  /** Makes `loaded` the live code; `nodes` are the installed components (env bindings, mounts). */
  install(loaded: Map<string, LoadedModules>, nodes: ComponentNode[]): void {
    this.components.clear();
    this.validationContexts.clear();
    for (const [path, modules] of loaded) this.components.set(path, modules);
    this.nodes = nodes;
  }

  /** The live modules by component path, the app at `""`. */
  loaded(): Map<string, LoadedModules> {
    return this.components;
  }

  modulesFor(component: string): LoadedModules | undefined {
    return this.components.get(component);
  }

  componentNode(path: string): ComponentNode | undefined {
    return this.nodes.find((c) => c.path === path);
  }

  httpMount(path: string): { component: string; prefix: string } | null {
    const mounts = this.nodes.filter(
      (c) => c.httpPrefix && !c.path.includes("/") && path.startsWith(c.httpPrefix),
    );
    mounts.sort((a, b) => b.httpPrefix!.length - a.httpPrefix!.length);
    const mount = mounts[0];
    return mount ? { component: mount.path, prefix: mount.httpPrefix! } : null;
  }

  componentPaths(): string[] {
    return [...this.components.keys()].filter((path) => path !== "");
  }

  schemaTables(component: string): SchemaTable[] {
    return this.components.get(component)?.schema?.tables ?? [];
  }

  schemaViolation(component: string, tableName: string, doc: Record<string, Value>): string | null {
    const schema = this.components.get(component)?.schema;
    if (!schema || !schema.schemaValidation) return null;
    // Tables the schema does not declare are allowed and unvalidated (`strictTableNameTypes: false`).
    const table = schema.tables.find((t) => t.tableName === tableName);
    if (!table) return null;
    const error = validateDocument(
      table.documentType as ValidatorJSON,
      doc,
      this.validationContext(component),
    );
    return error ? schemaValidationMessage(tableName, error) : null;
  }

  /** Made once per component: every function call and written document is validated with one. */
  validationContext(component: string): ValidationContext {
    let context = this.validationContexts.get(component);
    if (context) return context;
    const tableNameForId = (id: string) => {
      const decoded = decodeDocumentId(id);
      if (!decoded) return null;
      const table = this.store.catalog.tableByNumber(decoded.tableNumber);
      return table && table.component === component ? table.name : null;
    };
    context = { isIdForTable: (id, tableName) => tableNameForId(id) === tableName, tableNameForId };
    this.validationContexts.set(component, context);
    return context;
  }

  resolveAddress(
    component: string,
    address: FunctionAddress,
  ): { component: string; udfPath: string } {
    return resolveFunctionAddress(component, address);
  }

  lookup(
    component: string,
    udfPath: string,
    expected: UdfType | null,
    allowInternal: boolean,
  ): ResolvedFunction {
    const resolved = this.components.get(component)?.resolve(udfPath);
    if (!resolved || (!allowInternal && resolved.visibility !== "public")) {
      const path = canonicalizeUdfPath(udfPath).replace(":default", "");
      const inComponent = component === "" ? "" : ` in '${component}'`;
      // Convex's texts: a public caller's, and the one `npx convex run` recognizes for a typo.
      throw new FunctionError(
        allowInternal
          ? `Could not find function for '${path}'${inComponent}. Did you forget to run \`npx convex dev\`?`
          : `Could not find public function for '${path}'${inComponent}.`,
      );
    }
    if (expected && resolved.udfType !== expected) {
      throw new FunctionError(
        `Trying to execute ${resolved.udfPath} as ${udfTypeName(expected)}, but it is defined as ${udfTypeName(resolved.udfType)}.`,
      );
    }
    return resolved;
  }
}
