import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

// Every private function that accepts a reference to another document (an id or a thread id)
// could leak across organizations; each must have a cross-organization case in
// tenantIsolation.test.ts. Functions without such arguments act only on the caller's own
// organization, which requireOperator derives from the verified identity.

type Registered = {
  isQuery?: boolean;
  isMutation?: boolean;
  isAction?: boolean;
  exportArgs?: () => string;
};

const privateModules = import.meta.glob<Record<string, unknown>>([
  "./private/*.ts",
  "!./private/*.test.ts",
]);

function referencesOtherDocuments(argsJson: string): boolean {
  const walk = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.some(walk);
    if (node === null || typeof node !== "object") return false;
    const record = node as Record<string, unknown>;
    if (record.type === "id") return true;
    return Object.entries(record).some(([key, value]) =>
      /Id$/.test(key) && key !== "assigneeId" ? true : walk(value),
    );
  };
  const args = JSON.parse(argsJson) as { type?: string; value?: Record<string, unknown> };
  return walk(args);
}

async function privateFunctions() {
  const found: Array<{ name: string; takesReferences: boolean }> = [];
  for (const [path, load] of Object.entries(privateModules)) {
    const module = await load();
    const moduleName = path.replace("./private/", "").replace(/\.ts$/, "");
    for (const [exportName, value] of Object.entries(module)) {
      const fn = value as Registered;
      if (!(fn?.isQuery || fn?.isMutation || fn?.isAction) || !fn.exportArgs) continue;
      found.push({
        name: `${moduleName}.${exportName}`,
        takesReferences: referencesOtherDocuments(fn.exportArgs()),
      });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

describe("private functions and tenant isolation", () => {
  test("each private function that takes a document or thread reference has a cross-organization case", async () => {
    const isolationTests = readFileSync(
      fileURLToPath(new URL("./tenantIsolation.test.ts", import.meta.url)),
      "utf8",
    );
    const functions = await privateFunctions();
    expect(functions.length).toBeGreaterThan(20);
    expect(functions.filter((fn) => fn.takesReferences).map((fn) => fn.name)).toEqual(
      expect.arrayContaining([
        "conversations.get",
        "knowledgeFiles.remove",
        "messages.list",
        "messages.reply",
      ]),
    );
    const uncovered = functions
      .filter((fn) => fn.takesReferences)
      .filter((fn) => !isolationTests.includes(`api.private.${fn.name}`))
      .map((fn) => fn.name);
    expect(uncovered).toEqual([]);
  });

  test("the reference detector sees ids and thread ids in argument validators", () => {
    expect(
      referencesOtherDocuments(
        JSON.stringify({
          type: "object",
          value: {
            fileId: { fieldType: { type: "id", tableName: "knowledgeFiles" }, optional: false },
          },
        }),
      ),
    ).toBe(true);
    expect(
      referencesOtherDocuments(
        JSON.stringify({
          type: "object",
          value: { threadId: { fieldType: { type: "string" }, optional: false } },
        }),
      ),
    ).toBe(true);
    expect(
      referencesOtherDocuments(
        JSON.stringify({
          type: "object",
          value: { days: { fieldType: { type: "number" }, optional: true } },
        }),
      ),
    ).toBe(false);
  });
});
