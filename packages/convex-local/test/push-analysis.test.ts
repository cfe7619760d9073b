import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Backend } from "../src/runtime/backend.ts";
import type { StartPushRequest } from "../src/runtime/push/push.ts";
import { tempDir } from "./helpers.ts";

let data: ReturnType<typeof tempDir>;
let backend: Backend;

beforeAll(() => {
  data = tempDir();
  backend = new Backend({ dataDir: data.dir, instanceName: "push-analysis" });
});

afterAll(() => {
  backend.close();
  data.cleanup();
});

/** A component definition module as the CLI bundles it: its default export answers `export()`. */
function componentDefinition(definitionType: object): string {
  const analysis = {
    name: "counter",
    definitionType,
    childComponents: [],
    httpMounts: {},
    exports: { type: "branch", branch: [] },
  };
  return `export default { export() { return ${JSON.stringify(analysis)}; } };`;
}

async function analyzedDefinitionType(definitionType: object): Promise<unknown> {
  const request: StartPushRequest = {
    dryRun: false,
    appDefinition: { definition: null, schema: null, functions: [] },
    componentDefinitions: [
      {
        definitionPath: "../counter",
        definition: {
          path: "convex.config.js",
          source: componentDefinition(definitionType),
          environment: "isolate",
        },
        schema: null,
        functions: [],
      },
    ],
  };
  const response = (await backend.deployment.startPush(request)) as {
    analysis: Record<string, { definition: { definitionType: unknown } }>;
  };
  return response.analysis["../counter"]!.definition.definitionType;
}

describe("start_push analysis of a component definition", () => {
  test("carries back the arguments a component of convex before 1.35 declares", async () => {
    // Those CLIs refuse an answer whose child component definition has no `args` array.
    const args = [["limit", { type: "value", value: '{"type":"number"}' }]];
    expect(await analyzedDefinitionType({ type: "childComponent", name: "counter", args })).toEqual(
      { type: "childComponent", name: "counter", args },
    );
  });

  test("answers a component of a later convex without arguments", async () => {
    expect(await analyzedDefinitionType({ type: "childComponent", name: "counter" })).toEqual({
      type: "childComponent",
      name: "counter",
    });
  });
});
