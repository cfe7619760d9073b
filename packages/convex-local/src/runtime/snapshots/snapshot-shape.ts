/** A snapshot file that cannot be read; its message says where and why. */
export class SnapshotFormatError extends Error {}

/**
 * A table's inferred shape, the first line of a snapshot's `generated_schema.jsonl` (Convex's
 * pretty-printed `Shape`, e.g. `{"_id": id<10001>, "n": int64} | {"s": string}`). Importing uses it
 * to tell which strings were int64s, bytes or infinities when no per-document context says so.
 */
export type Shape =
  | { kind: "unit"; name: string }
  | { kind: "literal" }
  | { kind: "id" }
  | { kind: "array" | "set"; element: Shape }
  | { kind: "map" | "record"; key: Shape; value: Shape }
  | { kind: "object"; fields: Map<string, Shape> }
  | { kind: "union"; options: Shape[] };

const UNITS = [
  "never",
  "null",
  "int64",
  "float64",
  "-inf",
  "inf",
  "NaN",
  "-0",
  "normalfloat64",
  "boolean",
  "field_name",
  "string",
  "bytes",
  "unknown",
];

export function parseShape(text: string): Shape {
  const [shape, rest] = parseUnion(text);
  if (rest !== "") throw new SnapshotFormatError(`unexpected text in a table shape at '${rest}'`);
  return shape;
}

function parseUnion(text: string): [Shape, string] {
  const options: Shape[] = [];
  let rest = text;
  for (;;) {
    const [part, after] = parseOne(rest);
    options.push(part);
    if (!after.startsWith(" | "))
      return [options.length === 1 ? part : { kind: "union", options }, after];
    rest = after.slice(3);
  }
}

function expect(text: string, token: string): string {
  if (!text.startsWith(token))
    throw new SnapshotFormatError(`expected '${token}' in a table shape at '${text}'`);
  return text.slice(token.length);
}

function parseOne(text: string): [Shape, string] {
  for (const prefix of ["array<", "set<"] as const) {
    if (!text.startsWith(prefix)) continue;
    const [element, rest] = parseUnion(text.slice(prefix.length));
    return [{ kind: prefix === "set<" ? "set" : "array", element }, expect(rest, ">")];
  }
  for (const prefix of ["map<", "record<"] as const) {
    if (!text.startsWith(prefix)) continue;
    const [key, afterKey] = parseUnion(text.slice(prefix.length));
    const [value, rest] = parseUnion(expect(afterKey, ", "));
    return [{ kind: prefix === "map<" ? "map" : "record", key, value }, expect(rest, ">")];
  }
  if (text.startsWith("id<")) {
    const end = text.indexOf(">");
    if (end < 0) throw new SnapshotFormatError(`unterminated id<…> in a table shape`);
    return [{ kind: "id" }, text.slice(end + 1)];
  }
  if (text.startsWith("{")) {
    const fields = new Map<string, Shape>();
    let rest = text.slice(1);
    while (!rest.startsWith("}")) {
      const colon = rest.indexOf(": ");
      if (colon < 0)
        throw new SnapshotFormatError(`expected a field in a table shape at '${rest}'`);
      const name = rest.slice(0, colon).replace(/\?$/, "");
      if (!name.startsWith('"') || !name.endsWith('"'))
        throw new SnapshotFormatError(`cannot read field name ${name} in a table shape`);
      const [value, after] = parseUnion(rest.slice(colon + 2));
      fields.set(name.slice(1, -1), value);
      rest = after.startsWith(", ") ? after.slice(2) : after;
      if (rest === "") throw new SnapshotFormatError("unterminated object in a table shape");
    }
    return [{ kind: "object", fields }, rest.slice(1)];
  }
  if (text.startsWith('"')) {
    const end = text.indexOf('"', 1);
    if (end < 0) throw new SnapshotFormatError("unterminated string literal in a table shape");
    return [{ kind: "literal" }, text.slice(end + 1)];
  }
  for (const unit of UNITS)
    if (text.startsWith(unit) && !/^[a-z_0-9]/.test(text.slice(unit.length)))
      return [{ kind: "unit", name: unit }, text.slice(unit.length)];
  throw new SnapshotFormatError(`unexpected text in a table shape at '${text}'`);
}

export const UNKNOWN: Shape = { kind: "unit", name: "unknown" };

function options(shapes: Shape[]): Shape[] {
  return shapes.flatMap((s) => (s.kind === "union" ? s.options : [s]));
}

/** The shapes an array's elements may have. */
export function elementShapes(shapes: Shape[]): Shape[] {
  return options(shapes).flatMap((s) =>
    s.kind === "array" ? [s.element] : s.kind === "unit" && s.name === "unknown" ? [UNKNOWN] : [],
  );
}

/** The shapes an object's field may have. */
export function fieldShapes(shapes: Shape[], field: string): Shape[] {
  return options(shapes).flatMap((s) => {
    if (s.kind === "object") return s.fields.has(field) ? [s.fields.get(field)!] : [];
    if (s.kind === "record") return [s.value];
    if (s.kind === "unit" && s.name === "unknown") return [UNKNOWN];
    return [];
  });
}

/** How a string with these shapes was exported, when only one way is possible ("infer": a string). */
export function stringContext(shapes: Shape[]): "infer" | "int64" | "bytes" | "float64inf" {
  const ways = new Set<string>();
  for (const s of options(shapes)) {
    if (s.kind === "literal" || s.kind === "id") ways.add("infer");
    if (s.kind !== "unit") continue;
    if (s.name === "int64") ways.add("int64");
    else if (s.name === "bytes") ways.add("bytes");
    else if (s.name === "-inf" || s.name === "inf") ways.add("float64inf");
    else if (s.name === "string" || s.name === "field_name") ways.add("infer");
    else if (s.name === "float64" || s.name === "NaN" || s.name === "unknown") return "infer";
  }
  return ways.size === 1 ? ([...ways][0] as "infer" | "int64" | "bytes" | "float64inf") : "infer";
}
