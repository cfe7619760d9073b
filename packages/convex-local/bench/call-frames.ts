// How the benches name a V8 profile's call frame: the file relative to node_modules/ or packages/.
export type CallFrame = { functionName: string; url: string; lineNumber: number };

/** The frame's file, from node_modules/ or packages/ on. */
export function frameFile({ url }: CallFrame): string {
  return url.replace(/^file:\/\/.*\/(node_modules|packages)\//, "$1/");
}

/** The frame's function with its file and 1-based line. */
export function frameName(frame: CallFrame): string {
  return `${frame.functionName || "(anonymous)"} ${frameFile(frame)}:${frame.lineNumber + 1}`;
}
