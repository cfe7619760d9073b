import type { JSONValue } from "convex/values";
import type { CronSchedule } from "../../cron/schedule.ts";

/** Types shared by the runtime's parts, kept in a module that imports none of them. */

export type UdfType = "query" | "mutation" | "action";

export type UserIdentity = { tokenIdentifier: string; subject: string; issuer: string } & Record<
  string,
  unknown
>;

/** How `convex/server` names a function to call: by path, component reference, or handle. */
export type FunctionAddress = { name?: string; reference?: string; functionHandle?: string };

/** One job of `crons.js`. */
export type CronSpec = { name: string; args: JSONValue[]; schedule: CronSchedule };

export type SchemaTable = {
  tableName: string;
  indexes: Array<{ indexDescriptor: string; fields: string[] }>;
  searchIndexes?: Array<{ indexDescriptor: string; searchField: string; filterFields: string[] }>;
  vectorIndexes?: Array<{
    indexDescriptor: string;
    vectorField: string;
    dimensions: number;
    filterFields: string[];
  }>;
  /** Indexes declared with `staged: true`: kept out of queries until they are enabled. */
  stagedDbIndexes?: Array<{ indexDescriptor: string }>;
  stagedSearchIndexes?: Array<{ indexDescriptor: string }>;
  stagedVectorIndexes?: Array<{ indexDescriptor: string }>;
  documentType: unknown;
};
export type SchemaJson = { tables: SchemaTable[]; schemaValidation: boolean };

export type RegisteredFunction = {
  isQuery?: boolean;
  isMutation?: boolean;
  isAction?: boolean;
  isPublic?: boolean;
  isInternal?: boolean;
  isHttp?: boolean;
  exportArgs?: () => string;
  exportReturns?: () => string;
  invokeQuery?: (args: string) => Promise<string>;
  invokeMutation?: (args: string) => Promise<string>;
  invokeAction?: (requestId: string, args: string) => Promise<string>;
  invokeHttpAction?: (request: Request) => Promise<Response>;
};

export type ResolvedFunction = {
  udfPath: string;
  udfType: "query" | "mutation" | "action";
  visibility: "public" | "internal";
  /** Where Convex would run it: `"use node"` modules in Node.js, the rest in its V8 isolate. */
  runtime: "isolate" | "node";
  fn: RegisteredFunction;
};

export type HttpRouterLike = {
  isRouter: true;
  lookup: (path: string, method: string) => [RegisteredFunction, string, string] | null;
  getRoutes: () => Array<[string, string, RegisteredFunction]>;
};

/** What the runtime reads from one component's evaluated modules. */
export interface ComponentModules {
  schema: SchemaJson | null;
  authProviders: unknown[];
  http: HttpRouterLike | null;
  crons: Record<string, CronSpec>;
  resolve(udfPath: string): ResolvedFunction | null;
  moduleExports(): Map<string, Record<string, unknown>>;
}
