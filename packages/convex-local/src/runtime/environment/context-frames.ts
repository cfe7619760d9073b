const CONTEXT_FRAMES = "--experimental-async-context-frame";

/**
 * On Node 22, AsyncLocalStorage (which holds the running function's frame) costs every promise a
 * hook; async context frames (the default from Node 24) do not. Restarts this process in place
 * with them, unless the flag (or its --no- form) was given; returns when no restart is needed.
 */
export function restartWithContextFrames(): void {
  const [nodeMajor] = process.versions.node.split(".").map(Number);
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
  if (
    nodeMajor! < 24 &&
    typeof process.execve === "function" &&
    !given.some((flag) => flag.replace(/^--no-/, "--") === CONTEXT_FRAMES)
  ) {
    process.execve(
      process.execPath,
      [process.execPath, ...process.execArgv, CONTEXT_FRAMES, ...process.argv.slice(1)],
      process.env,
    );
  }
}
