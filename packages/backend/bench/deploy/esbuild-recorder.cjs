// Preloaded into the Convex CLI by run.mjs (NODE_OPTIONS=--require): records what each esbuild
// build the CLI runs took in and gave out (its metafile and output sizes) into BENCH_ESBUILD_DIR.
// The CLI's bundle reads esbuild's exports through getters, so it gets a proxy with `build` wrapped.
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");
const Module = require("node:module");

const load = Module._load;
let recorded = null;
let builds = 0;

Module._load = function (request, ...rest) {
  const loaded = load.call(this, request, ...rest);
  if (request !== "esbuild") return loaded;
  recorded ??= new Proxy(loaded, {
    get: (esbuild, key) => (key === "build" ? recordedBuild(esbuild) : esbuild[key]),
  });
  return recorded;
};

/** The metafile without its import lists: input sizes, and each output's bytes per input. */
function sizesOnly({ inputs, outputs }) {
  const map = (object, pick) =>
    Object.fromEntries(Object.entries(object).map(([key, value]) => [key, pick(value)]));
  return {
    inputs: map(inputs, ({ bytes }) => ({ bytes })),
    outputs: map(outputs, (output) => ({
      inputs: map(output.inputs, ({ bytesInOutput }) => ({ bytesInOutput })),
    })),
  };
}

function recordedBuild(esbuild) {
  return async (options) => {
    const startedAt = performance.now();
    const result = await esbuild.build(options);
    const entryPoints = Object.values(options.entryPoints ?? {});
    writeFileSync(
      join(process.env.BENCH_ESBUILD_DIR, `${String(builds++).padStart(3, "0")}.json`),
      JSON.stringify({
        ms: performance.now() - startedAt,
        platform: options.platform,
        entryPoints,
        outputs: (result.outputFiles ?? []).map((file) => ({
          path: file.path,
          bytes: file.contents.length,
        })),
        metafile: result.metafile && sizesOnly(result.metafile),
      }),
    );
    return result;
  };
}
