// @vitest-environment node
import { describe, expect, test } from "vitest";

import { guardOf } from "./lib/functions";

// Guards are structural: a public or private function is built with one of lib/functions.ts's
// builders, which run the check before the handler. A bare query/mutation/action export fails here.

const modules = {
  private: import.meta.glob<Record<string, unknown>>(["./private/*.ts", "!./private/*.test.ts"], {
    eager: true,
  }),
  public: import.meta.glob<Record<string, unknown>>(["./public/*.ts", "!./public/*.test.ts"], {
    eager: true,
  }),
};

const isRegistered = (value: unknown) =>
  typeof value === "function" &&
  ["isQuery", "isMutation", "isAction"].some(
    (kind) => (value as unknown as Record<string, unknown>)[kind],
  );

function exportsOf(visibility: "private" | "public") {
  return Object.entries(modules[visibility]).flatMap(([path, module]) =>
    Object.entries(module)
      .filter(([, value]) => isRegistered(value))
      .map(([name, value]) => ({
        name: `${path.replace(/^\.\//, "").replace(/\.ts$/, "")}:${name}`,
        guard: guardOf(value),
      })),
  );
}

// Widget entry points that act before a contact session exists or only on an organization's
// public settings. Adding one here is a decision a reviewer should see.
const SESSIONLESS = [
  "public/contactSessions:validate",
  "public/officeHours:get",
  "public/organizations:validate",
  "public/unreadTokens:count",
  "public/voice:getConfig",
  "public/widgetSettings:get",
];

describe("every public and private function runs a guard", () => {
  test("private functions are built for operators or admins", () => {
    const found = exportsOf("private");
    expect(found.length).toBeGreaterThan(25);
    for (const fn of found) expect(["operator", "admin"], fn.name).toContain(fn.guard);
  });

  test("public functions check the contact session, except the named session-less ones", () => {
    const found = exportsOf("public");
    expect(found.length).toBeGreaterThan(10);
    for (const fn of found) expect(["contact", "public"], fn.name).toContain(fn.guard);
    expect(
      found
        .filter((fn) => fn.guard === "public")
        .map((fn) => fn.name)
        .sort(),
    ).toEqual(SESSIONLESS);
  });
});

// system/ holds internal functions only; helpers live in lib/<area>/, which never reaches back
// into system/. (system/ai and system/knowledge are being reorganized separately.)
const systemModules = import.meta.glob<Record<string, unknown>>([
  "./system/**/*.ts",
  "!./system/**/*.test.ts",
  "!./system/ai/**",
  "!./system/knowledge/**",
]);
const libSources = import.meta.glob<string>(["./lib/**/*.ts", "!./lib/**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});

describe("layout", () => {
  test("every export of system/ is an internal function", async () => {
    const helpers: string[] = [];
    for (const [path, load] of Object.entries(systemModules)) {
      for (const [name, value] of Object.entries(await load())) {
        if (!isRegistered(value) || !(value as { isInternal?: boolean }).isInternal)
          helpers.push(`${path}:${name}`);
      }
    }
    expect(Object.keys(systemModules).length).toBeGreaterThan(5);
    expect(helpers).toEqual([]);
  });

  test("lib/ never imports from system/", () => {
    const reaching = Object.entries(libSources).filter(([, source]) =>
      /from\s+["'][^"']*\/system\//.test(source),
    );
    expect(Object.keys(libSources).length).toBeGreaterThan(10);
    expect(reaching.map(([path]) => path)).toEqual([]);
  });
});
