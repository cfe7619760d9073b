import { createHash } from "node:crypto";
import { unzipSync } from "fflate";
import type { JSONValue } from "convex/values";
import { parseShape, type Shape, UNKNOWN } from "./snapshot-shape.ts";
import { fromCleanJson, SnapshotFormatError } from "./snapshot-values.ts";

type ImportFormat = "csv" | "jsonLines" | "jsonArray" | "zip";
type ImportMode = "requireEmpty" | "append" | "replace" | "replaceAll";
export type ImportRequest = {
  tableName?: string;
  componentPath?: string;
  mode: ImportMode;
  format: ImportFormat;
};

/** One table's documents as parsed (convex JSON; `_id`/`_creationTime` only when the file had them). */
export type TableData = {
  component: string;
  name: string;
  /** The table number the snapshot's `_tables` gave it. */
  number?: number;
  docs: Array<Record<string, JSONValue>>;
};

export type ImportPlan = {
  mode: ImportMode;
  tables: TableData[];
  /** File bytes by storage id, for `_storage` tables in the plan. */
  files: Map<string, Uint8Array>;
};

/** Bad input: the import fails with this message and nothing changes. */
export class ImportError extends Error {}

const MODES = new Set(["requireEmpty", "append", "replace", "replaceAll"]);
const FORMATS = new Set(["csv", "jsonLines", "jsonArray", "zip"]);

export function checkImportRequest(request: unknown): ImportRequest {
  const r = (request ?? {}) as Record<string, unknown>;
  if (typeof r.mode !== "string" || !MODES.has(r.mode))
    throw new ImportError(`Unknown import mode ${JSON.stringify(r.mode)}.`);
  if (typeof r.format !== "string" || !FORMATS.has(r.format))
    throw new ImportError(`Unknown import format ${JSON.stringify(r.format)}.`);
  if (r.format !== "zip" && (typeof r.tableName !== "string" || r.tableName === ""))
    throw new ImportError(`A table name is required to import the ${r.format} format.`);
  if (r.format === "zip" && r.tableName !== undefined && r.tableName !== null)
    throw new ImportError("A table name cannot be given for a ZIP import.");
  if (typeof r.tableName === "string" && !/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/.test(r.tableName))
    throw new ImportError(
      `"${r.tableName}" is not a valid table name: it must start with a letter and hold only letters, digits and underscores.`,
    );
  return {
    mode: r.mode as ImportMode,
    format: r.format as ImportFormat,
    tableName: typeof r.tableName === "string" ? r.tableName : undefined,
    componentPath: typeof r.componentPath === "string" ? r.componentPath : undefined,
  };
}

/** Parses an uploaded file into an import plan; throws ImportError on anything malformed. */
export function parseImport(bytes: Uint8Array, request: ImportRequest): ImportPlan {
  const component = request.componentPath ?? "";
  try {
    if (request.format === "zip") return parseZip(bytes, request.mode, component);
    const text = Buffer.from(bytes).toString("utf8");
    const rows =
      request.format === "jsonLines"
        ? parseJsonLines(text, "the file")
        : request.format === "jsonArray"
          ? parseJsonArray(text)
          : parseCsv(text);
    const docs = rows.map((row, i) => userDocument(fromCleanJson(row, "infer", `row ${i + 1}`)));
    return {
      mode: request.mode,
      tables: [{ component, name: request.tableName!, docs }],
      files: new Map(),
    };
  } catch (e) {
    if (e instanceof SnapshotFormatError) throw new ImportError(e.message);
    throw e;
  }
}

function parseJsonLines(text: string, where: string): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new ImportError(`Line ${i + 1} of ${where} is not valid JSON.`);
    }
    if (typeof row !== "object" || row === null || Array.isArray(row))
      throw new ImportError(`Line ${i + 1} of ${where} is not a JSON object.`);
    rows.push(row as Record<string, unknown>);
  });
  return rows;
}

function parseJsonArray(text: string): Array<Record<string, unknown>> {
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch {
    throw new ImportError("The file is not valid JSON.");
  }
  if (!Array.isArray(rows)) throw new ImportError("The file is not a JSON array of objects.");
  rows.forEach((row, i) => {
    if (typeof row !== "object" || row === null || Array.isArray(row))
      throw new ImportError(`Element ${i} of the JSON array is not an object.`);
  });
  return rows as Array<Record<string, unknown>>;
}

/** RFC 4180 CSV with a header row; cells become numbers or booleans when they read as such, empty cells are omitted. */
function parseCsv(text: string): Array<Record<string, unknown>> {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      if (record.some((f) => f !== "")) records.push(record);
      record = [];
      field = "";
    } else field += c;
    i++;
  }
  if (quoted) throw new ImportError("The CSV file ends inside a quoted field.");
  record.push(field);
  if (record.some((f) => f !== "")) records.push(record);
  const [header, ...rows] = records;
  if (!header) throw new ImportError("The CSV file has no header row.");
  return rows.map((cells, r) => {
    if (cells.length !== header.length)
      throw new ImportError(
        `CSV row ${r + 2} has ${cells.length} fields but the header has ${header.length}.`,
      );
    const row: Record<string, unknown> = {};
    header.forEach((name, c) => {
      const cell = cells[c]!;
      if (cell === "") return;
      if (cell === "true" || cell === "false") row[name] = cell === "true";
      else if (/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell)) row[name] = Number(cell);
      else row[name] = cell;
    });
    return row;
  });
}

/** A document from an import file: system fields other than `_id`/`_creationTime` are refused. */
function userDocument(value: JSONValue): Record<string, JSONValue> {
  const doc = value as Record<string, JSONValue>;
  for (const key of Object.keys(doc))
    if (key.startsWith("_") && key !== "_id" && key !== "_creationTime")
      throw new ImportError(`Field "${key}" is a reserved system field name.`);
  if ("_creationTime" in doc && typeof doc._creationTime !== "number")
    throw new ImportError(
      `_creationTime must be a number, got ${JSON.stringify(doc._creationTime)}.`,
    );
  if ("_id" in doc && typeof doc._id !== "string")
    throw new ImportError(`_id must be a string, got ${JSON.stringify(doc._id)}.`);
  return doc;
}

function parseZip(bytes: Uint8Array, mode: ImportMode, base: string): ImportPlan {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    throw new ImportError(`The file is not a valid ZIP archive (${(e as Error).message}).`);
  }
  const text = (path: string) => Buffer.from(entries[path]!).toString("utf8");
  const tables = new Map<string, TableData>();
  const numbers = new Map<string, number>();
  const storageBytes = new Map<string, Uint8Array>();
  for (const path of Object.keys(entries).sort()) {
    if (path.endsWith("/") || path === "README.md") continue;
    let rest = path;
    const components: string[] = [];
    while (rest.startsWith("_components/")) {
      const [, name, ...tail] = rest.split("/");
      components.push(name!);
      rest = tail.join("/");
    }
    const component = [...(base ? [base] : []), ...components].join("/");
    const [table, file, ...more] = rest.split("/");
    if (!table || !file || more.length > 0) continue;
    if (table === "_tables" && file === "documents.jsonl") {
      for (const row of parseJsonLines(text(path), path)) {
        if (typeof row.name !== "string" || typeof row.id !== "number")
          throw new ImportError(`${path} lists a table without a name and a number.`);
        numbers.set(`${component}\u0000${row.name}`, row.id);
      }
    } else if (table === "_storage" && file !== "documents.jsonl") {
      storageBytes.set(`${component}\u0000${file.split(".")[0]}`, entries[path]!);
    } else if (file === "documents.jsonl") {
      if (table.startsWith("_") && table !== "_storage") continue;
      const { shape, overrides } =
        table === "_storage"
          ? { shape: UNKNOWN, overrides: new Map() }
          : generatedSchema(entries, path);
      const docs = parseJsonLines(text(path), path).map((row, i) => {
        const id = typeof row._id === "string" ? row._id : undefined;
        const context = (id && overrides.get(id)) ?? "infer";
        const value = fromCleanJson(row, context, `${path}:${i + 1}`, [shape]);
        return table === "_storage" ? storageDocument(value, path) : userDocument(value);
      });
      tables.set(`${component}\u0000${table}`, { component, name: table, docs });
    }
  }
  if (tables.size === 0)
    throw new ImportError(
      "The ZIP file holds no tables: a snapshot has <table>/documents.jsonl files.",
    );
  const files = new Map<string, Uint8Array>();
  for (const [key, t] of tables) {
    t.number = numbers.get(key);
    if (t.name !== "_storage") continue;
    for (const doc of t.docs) {
      const id = String(doc._id);
      const bytes = storageBytes.get(`${t.component}\u0000${id}`);
      if (!bytes)
        throw new ImportError(
          `File ${id} is listed in ${componentPathText(t.component)}_storage/documents.jsonl but its bytes are not in the ZIP file.`,
        );
      const sha256 = createHash("sha256").update(bytes).digest("base64");
      if (doc.sha256 !== undefined && doc.sha256 !== sha256)
        throw new ImportError(`File ${id} does not match the sha256 its metadata gives.`);
      doc.sha256 = sha256;
      doc.size = bytes.length;
      files.set(id, bytes);
    }
  }
  return { mode, tables: [...tables.values()], files };
}

function componentPathText(component: string): string {
  return component ? `${component}/` : "";
}

/** `<table>/generated_schema.jsonl`: the table's shape, then per-document export contexts. */
function generatedSchema(
  entries: Record<string, Uint8Array>,
  documentsPath: string,
): { shape: Shape; overrides: Map<string, unknown> } {
  const path = documentsPath.replace(/documents\.jsonl$/, "generated_schema.jsonl");
  const overrides = new Map<string, unknown>();
  let shape = UNKNOWN;
  if (!entries[path]) return { shape, overrides };
  const lines = Buffer.from(entries[path]).toString("utf8").split("\n");
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new ImportError(`Line ${i + 1} of ${path} is not valid JSON.`);
    }
    if (i === 0) {
      if (typeof parsed !== "string")
        throw new ImportError(`The first line of ${path} must be the table's shape as a string.`);
      try {
        shape = parseShape(parsed);
      } catch (e) {
        throw new ImportError(`${path}: ${(e as Error).message}`);
      }
      return;
    }
    for (const [id, context] of Object.entries(parsed as Record<string, unknown>))
      overrides.set(id, context);
  });
  return { shape, overrides };
}

function storageDocument(value: JSONValue, path: string): Record<string, JSONValue> {
  const row = value as Record<string, JSONValue>;
  if (typeof row._id !== "string" || typeof row._creationTime !== "number")
    throw new ImportError(`${path} has a file without _id and _creationTime.`);
  const doc: Record<string, JSONValue> = {
    _id: row._id,
    _creationTime: row._creationTime,
    sha256: row.sha256 ?? null,
    size: row.size ?? null,
  };
  if (typeof row.contentType === "string") doc.contentType = row.contentType;
  return doc;
}
