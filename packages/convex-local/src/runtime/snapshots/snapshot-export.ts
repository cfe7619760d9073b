import { zipSync, strToU8, type Zippable } from "fflate";
import type { JSONValue } from "convex/values";
import { allTables, documentJson } from "../../storage/committed-documents.ts";
import type { Store } from "../../storage/store.ts";
import type { FileStorage } from "../files/file-storage.ts";
import { stringifyClean, toCleanJson } from "./snapshot-values.ts";

const README = `# Welcome to your Convex snapshot export!

This ZIP file contains a snapshot of the tables in your Convex deployment.

Documents for each table are listed as lines of JSON in
<table_name>/documents.jsonl files.

For details on the format and how to use this snapshot with npx convex import,
check out [the docs](https://docs.convex.dev/database/import-export/export).
`;

/** A few common types, so exported files open at a glance (as Convex names them). */
const EXTENSIONS: Record<string, string> = {
  "text/plain": "txt",
  "text/html": "html",
  "text/csv": "csv",
  "text/markdown": "md",
  "application/json": "json",
  "application/pdf": "pdf",
  "application/zip": "zip",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "image/svg+xml": "svg",
  "audio/mpeg": "mp3",
  "video/mp4": "mp4",
};

/** `_components/<name>/` per path segment, as Convex lays components out in a snapshot. */
function componentPrefix(component: string): string {
  return component === ""
    ? ""
    : component
        .split("/")
        .map((name) => `_components/${name}/`)
        .join("");
}

function jsonLines(rows: JSONValue[]): Uint8Array {
  return strToU8(rows.map((r) => `${stringifyClean(r)}\n`).join(""));
}

/**
 * The deployment's data as Convex's snapshot ZIP: `README.md`; per component `_tables/documents.jsonl`
 * (name and table number of each user table), `<table>/documents.jsonl` with its
 * `generated_schema.jsonl`; with `includeStorage`, `_storage/documents.jsonl` and each file's bytes.
 */
export function buildSnapshotZip(
  source: { store: Store; files: FileStorage },
  includeStorage: boolean,
): Uint8Array {
  const db = source.store.db;
  const tables = allTables(db);
  const components = [...new Set(tables.map((t) => t.component))].sort();
  const docsOf = (tableNumber: number) =>
    [...documentJson(db, tableNumber)]
      .map((json) => JSON.parse(json) as Record<string, JSONValue>)
      .sort(byCreation);
  const files: Zippable = { "README.md": strToU8(README) };
  for (const component of components) {
    const prefix = componentPrefix(component);
    const userTables = tables.filter((t) => t.component === component && !t.name.startsWith("_"));
    files[`${prefix}_tables/documents.jsonl`] = jsonLines(
      userTables.map((t) => ({ name: t.name, id: t.number })),
    );
    for (const table of userTables) {
      const docs = docsOf(table.number);
      const schema: JSONValue[] = ["unknown"];
      const lines: JSONValue[] = [];
      for (const doc of docs) {
        const { json, context } = toCleanJson(doc);
        lines.push(json);
        if (context !== "infer") schema.push({ [String(doc._id)]: context as JSONValue });
      }
      files[`${prefix}${table.name}/generated_schema.jsonl`] = jsonLines(schema);
      files[`${prefix}${table.name}/documents.jsonl`] = jsonLines(lines);
    }
    const storage = tables.find((t) => t.component === component && t.name === "_storage");
    if (!includeStorage) continue;
    const storageDocs = storage ? docsOf(storage.number) : [];
    files[`${prefix}_storage/documents.jsonl`] = jsonLines(
      storageDocs.map((d) => ({
        _id: d._id!,
        _creationTime: d._creationTime!,
        sha256: d.sha256 ?? null,
        size: d.size ?? null,
        contentType: d.contentType ?? null,
        internalId: d._id!,
      })),
    );
    for (const d of storageDocs) {
      const bytes = source.files.readBytes(String(d._id));
      if (!bytes) continue;
      const extension =
        EXTENSIONS[
          String(d.contentType ?? "")
            .split(";")[0]!
            .trim()
        ];
      files[`${prefix}_storage/${String(d._id)}${extension ? `.${extension}` : ""}`] =
        new Uint8Array(bytes);
    }
  }
  return zipSync(files, { level: 6 });
}

function byCreation(a: Record<string, JSONValue>, b: Record<string, JSONValue>): number {
  const diff = Number(a._creationTime) - Number(b._creationTime);
  return diff !== 0 ? diff : String(a._id) < String(b._id) ? -1 : 1;
}
