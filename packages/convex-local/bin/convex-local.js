#!/usr/bin/env node
// On Node 22, AsyncLocalStorage (which holds the running function's frame) costs every promise a
// hook; async context frames (the default from Node 24) do not. Restart in place with them, unless
// the flag (or its --no- form) was given.
const CONTEXT_FRAMES = "--experimental-async-context-frame";
const [nodeMajor] = process.versions.node.split(".").map(Number);
const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
if (
  nodeMajor < 24 &&
  typeof process.execve === "function" &&
  !given.some((flag) => flag.replace(/^--no-/, "--") === CONTEXT_FRAMES)
) {
  process.execve(
    process.execPath,
    [process.execPath, ...process.execArgv, CONTEXT_FRAMES, ...process.argv.slice(1)],
    process.env,
  );
}

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
