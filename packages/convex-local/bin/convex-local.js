#!/usr/bin/env node
// The server runs with async context frames on Node 22, as it would on Node 24.
const { restartWithContextFrames } = await import("../src/runtime/environment/context-frames.ts");
restartWithContextFrames();

// node:sqlite is stable enough for us; its ExperimentalWarning is noise for CLI users.
const emitWarning = process.emitWarning;
process.emitWarning = (warning, ...args) => {
  const type = typeof args[0] === "string" ? args[0] : args[0]?.type;
  if (type === "ExperimentalWarning" && String(warning).includes("SQLite")) return;
  return emitWarning.call(process, warning, ...args);
};

const { main } = await import("../src/cli.ts");
try {
  await main(process.argv.slice(2));
} catch (e) {
  console.error(
    `convex-local: ${e instanceof Error ? e.message : String(e)}\nRun convex-local --help for the options.`,
  );
  process.exit(1);
}
