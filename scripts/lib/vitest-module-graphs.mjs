import { globSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Vitest projects for a package's unit tests: a file whose source matches `changesSharedState`
 * (it mocks a module, stubs globals, spies on shared objects…) changes what later files would
 * import, so it gets a module graph of its own ("isolated"); every other file shares one per worker
 * ("shared"), so the package's modules load once instead of once per file.
 */
export function moduleGraphProjects(packageDir, include, changesSharedState) {
  const ownGraph = globSync(include, { cwd: packageDir }).filter((file) =>
    changesSharedState.test(readFileSync(join(packageDir, file), "utf8")),
  );
  return [
    {
      extends: true,
      test: { name: "shared", include: [include], exclude: ownGraph, isolate: false },
    },
    { extends: true, test: { name: "isolated", include: ownGraph } },
  ];
}
