import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

import { backendCodeHash } from "../../../../scripts/lib/start.mjs";
import { installInputs, installIsCurrent } from "../../../../scripts/lib/workspace.mjs";

// What a second `npm start` skips: pnpm install and the backend push, each only while the files
// it reads are unchanged.
let root: string;

function write(path: string, text: string) {
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), text);
}

function workspace() {
  root = mkdtempSync(join(tmpdir(), "echo-skips-"));
  write("package.json", '{"name":"echo","devDependencies":{"turbo":"2.11.11"}}');
  write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n");
  write("pnpm-workspace.yaml", "packages:\n  - apps/*\n  - packages/*\n");
  write("apps/web/package.json", '{"name":"@echo/web","dependencies":{"next":"16.0.0"}}');
  write(
    "packages/backend/package.json",
    '{"name":"@echo/backend","dependencies":{"convex":"1.0.0"}}',
  );
  // Like packages/typescript-config: pnpm gives a package that depends on nothing no node_modules.
  write("packages/typescript-config/package.json", '{"name":"@echo/typescript-config"}');
  write("packages/backend/convex.json", "{}");
  write("packages/backend/convex/messages.ts", "export const a = 1;\n");
  for (const dir of [".", "apps/web", "packages/backend"]) {
    mkdirSync(join(root, dir, "node_modules"), { recursive: true });
  }
}

/** Records a successful install on the workspace's current inputs, as installWorkspace does. */
function installed() {
  write("node_modules/.echo-install.sha256", `${installInputs(root, "10.34.9")}\n`);
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("pnpm install is skipped", () => {
  it("when nothing it reads changed since the last install", () => {
    workspace();
    installed();
    expect(installIsCurrent(root, installInputs(root, "10.34.9"))).toBe(true);
  });

  it("when a package that depends on nothing has no node_modules (pnpm makes none for it)", () => {
    workspace();
    installed();
    expect(installIsCurrent(root, installInputs(root, "10.34.9"))).toBe(true);
  });

  it("but runs after a lockfile, a manifest or pnpm changed, or a package was added", () => {
    workspace();
    installed();
    const changes = [
      () => write("pnpm-lock.yaml", "lockfileVersion: '9.0'\nimporters: {}\n"),
      () => write("apps/web/package.json", '{"name":"@echo/web","dependencies":{"x":"1.0.0"}}'),
      () => write("packages/ui/package.json", '{"name":"@echo/ui"}'),
    ];
    for (const change of changes) {
      change();
      expect(installIsCurrent(root, installInputs(root, "10.34.9"))).toBe(false);
      installed();
    }
    expect(installIsCurrent(root, installInputs(root, "10.35.0"))).toBe(false);
  });

  it("but runs when a package's node_modules is gone, or never finished", () => {
    workspace();
    installed();
    rmSync(join(root, "apps/web/node_modules"), { recursive: true });
    expect(installIsCurrent(root, installInputs(root, "10.34.9"))).toBe(false);
    workspace();
    expect(installIsCurrent(root, installInputs(root, "10.34.9"))).toBe(false);
  });
});

describe("the backend push is skipped", () => {
  it("only while packages/backend/convex, its manifests and the lockfile are byte for byte the same", () => {
    workspace();
    const before = backendCodeHash(root);
    expect(backendCodeHash(root)).toBe(before);
    write("packages/backend/convex/messages.ts", "export const a = 2;\n");
    const edited = backendCodeHash(root);
    expect(edited).not.toBe(before);
    write("packages/backend/convex/new.ts", "export {};\n");
    const added = backendCodeHash(root);
    expect(added).not.toBe(edited);
    // A dependency's dependency moved: only the lockfile says so, and the push bundles it.
    write("pnpm-lock.yaml", "lockfileVersion: '9.0'\npackages: {}\n");
    expect(backendCodeHash(root)).not.toBe(added);
    write("packages/backend/node_modules/dep/index.js", "changed");
    write("packages/backend/convex/.test-results/x.json", "{}");
    const withOutputs = backendCodeHash(root);
    write("packages/backend/convex/.test-results/x.json", '{"changed":true}');
    expect(backendCodeHash(root)).toBe(withOutputs);
  });
});
