import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { readMeta, writeMeta } from "../../storage/meta.ts";
import { insertSystem, tableForId } from "../syscalls/db-syscalls.ts";
import { FunctionError } from "../errors/errors.ts";
import type { Frame } from "../execution/frame.ts";
import type { DocJson } from "../../storage/index-keys.ts";
import { FileBytes } from "../../storage/file-bytes.ts";
import type { Commit, Store } from "../../storage/store.ts";
import type { DeploymentUrls } from "../environment/environment-source.ts";
import type { FunctionRunner } from "../functions/function-runner.ts";
import type { SyscallTable } from "../syscalls/syscall-table.ts";

type StorageDoc = DocJson & { sha256: string; size: number; contentType?: string };

const UPLOAD_TOKEN_TTL_MS = 60 * 60 * 1000;

/** Files live as bytes in SQLite keyed by their `_storage` document id. */
export class FileStorage {
  private readonly documents: Store;
  private readonly runner: FunctionRunner<Frame>;
  private readonly urls: DeploymentUrls;
  private readonly secret: Buffer;
  private readonly bytes: FileBytes;

  constructor(store: Store, runner: FunctionRunner<Frame>, urls: DeploymentUrls) {
    this.documents = store;
    this.runner = runner;
    this.urls = urls;
    const db = store.db;
    this.bytes = new FileBytes(db);
    const stored = readMeta(db, "upload_secret");
    if (stored) this.secret = Buffer.from(stored, "hex");
    else {
      this.secret = randomBytes(32);
      writeMeta(db, "upload_secret", this.secret.toString("hex"));
    }
    store.onCommit((commit) => this.removeDeletedFiles(commit));
  }

  /** Drops a file's bytes once its `_storage` document is deleted, however that happened. */
  private removeDeletedFiles(commit: Commit): void {
    for (const { tableNumber, id } of commit.deleted) {
      if (this.documents.catalog.tableByNumber(tableNumber)?.name === "_storage")
        this.deleteBytes(id);
    }
  }

  uploadUrl(component: string): string {
    const payload = Buffer.from(
      JSON.stringify({ c: component, e: Date.now() + UPLOAD_TOKEN_TTL_MS }),
    ).toString("base64url");
    const mac = createHmac("sha256", this.secret).update(payload).digest("base64url");
    return `${this.urls.origin}/api/storage/upload?token=${payload}.${mac}`;
  }

  /** The component an upload token was issued for, or why it cannot be used. */
  checkUploadToken(token: string): { component: string } | { refused: "invalid" | "expired" } {
    const [payload, mac] = token.split(".");
    if (!payload || !mac) return { refused: "invalid" };
    const expected = createHmac("sha256", this.secret).update(payload).digest();
    const given = Buffer.from(mac, "base64url");
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { refused: "invalid" };
    const { c, e } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
      c: string;
      e: number;
    };
    return e >= Date.now() ? { component: c } : { refused: "expired" };
  }

  /** A file's URL; a component's files name the component, as Convex's URLs do. */
  fileUrl(storageId: string, component = ""): string {
    const url = `${this.urls.origin}/api/storage/${storageId}`;
    return component === "" ? url : `${url}?component=${encodeURIComponent(component)}`;
  }

  /** Stores bytes and records the `_storage` document; returns its id. */
  async store(
    component: string,
    bytes: Uint8Array,
    contentType: string | null,
    frame?: Frame,
    expectedSha256?: string,
  ): Promise<string> {
    const sha256 = createHash("sha256").update(bytes).digest("base64");
    if (expectedSha256 !== undefined && expectedSha256 !== sha256)
      throw new FunctionError(
        `The sha256 given to storage.store (${expectedSha256}) is not the sha256 of the blob's bytes (${sha256}).`,
      );
    const row: Record<string, string | number> = { sha256, size: bytes.length };
    if (contentType) row.contentType = contentType;
    const insert = (f: Frame) => insertSystem(f, "_storage", row)._id;
    const id =
      frame?.kind === "mutation"
        ? insert(frame)
        : await this.runner.systemMutation(component, insert);
    this.bytes.put(id, bytes);
    this.documents.flush();
    return id;
  }

  readBytes(storageId: string): Uint8Array | null {
    return this.bytes.get(storageId);
  }

  /** The committed `_storage` document, read outside any transaction (for serving files). */
  committedDoc(storageId: string): StorageDoc | null {
    return this.documents.committedDocument(storageId) as StorageDoc | null;
  }

  deleteBytes(storageId: string): void {
    this.bytes.delete(storageId);
  }
}

/** Like Convex, an id that is not a storage id of this component is an error, not a missing file. */
function checkStorageId(frame: Frame, storageId: unknown, op: string): string {
  const table = typeof storageId === "string" ? tableForId(frame, storageId) : null;
  if (!table || table.name !== "_storage") {
    const cause = table
      ? "Invalid storage ID. Storage ID cannot be an ID on any table other than '_storage'."
      : `Invalid storage ID: ${JSON.stringify(String(storageId))}. Storage ID should be an Id of '_storage' table, or a UUID string.`;
    throw new FunctionError(`Invalid argument \`storageId\` for \`storage.${op}\`: ${cause}`);
  }
  return storageId as string;
}

/** Reads a `_storage` document inside the frame's transaction, or committed state in actions. */
async function storageDoc(frame: Frame, storageId: string): Promise<StorageDoc | null> {
  if (frame.tx) {
    const table = tableForId(frame, storageId);
    if (!table || table.name !== "_storage") return null;
    return frame.tx.get(table.number, storageId) as StorageDoc | null;
  }
  return frame.host.runner.systemQuery(frame.component, (inner) => {
    const table = tableForId(inner, storageId);
    if (!table || table.name !== "_storage") return null;
    return inner.tx!.get(table.number, storageId) as StorageDoc | null;
  });
}

type StorageArgs = { storageId: string };

export function installStorageSyscalls(syscalls: SyscallTable<Frame>, files: FileStorage): void {
  const ops = syscalls.asyncOps;
  ops["1.0/storageGenerateUploadUrl"] = (frame) => files.uploadUrl(frame.component);
  ops["1.0/storageGetUrl"] = async (frame, args: StorageArgs) =>
    (await storageDoc(frame, checkStorageId(frame, args.storageId, "getUrl")))
      ? files.fileUrl(args.storageId, frame.component)
      : null;
  ops["1.0/storageGetMetadata"] = async (frame, args: StorageArgs) => {
    const doc = await storageDoc(frame, checkStorageId(frame, args.storageId, "getMetadata"));
    if (!doc) return null;
    return {
      storageId: doc._id,
      sha256: Buffer.from(doc.sha256, "base64").toString("hex"),
      size: doc.size,
      contentType: doc.contentType ?? null,
    };
  };
  ops["1.0/storageDelete"] = async (frame, args: StorageArgs) => {
    checkStorageId(frame, args.storageId, "delete");
    const remove = (f: Frame) => {
      const table = tableForId(f, args.storageId);
      const doc =
        table && table.name === "_storage" ? f.tx!.get(table.number, args.storageId) : null;
      if (!table || !doc) throw new FunctionError(`storage id ${args.storageId} not found`);
      f.tx!.write(table.number, args.storageId, null);
      return null;
    };
    if (frame.kind === "mutation") return remove(frame);
    await frame.host.runner.systemMutation(frame.component, remove);
    return null;
  };
  ops["1.0/storageStore"] = async (frame, args: { blob: string; contentType?: string | null }) =>
    files.store(frame.component, Buffer.from(args.blob, "base64"), args.contentType ?? null, frame);
  ops["1.0/storageGet"] = async (frame, args: StorageArgs) => {
    const doc = await storageDoc(frame, args.storageId);
    const bytes = doc ? files.readBytes(args.storageId) : null;
    return bytes
      ? { blob: Buffer.from(bytes).toString("base64"), contentType: doc!.contentType ?? null }
      : null;
  };
  const js = syscalls.jsOps;
  js["storage/storeBlob"] = async (
    frame,
    args: { blob: Blob; options?: { sha256?: string } | null },
  ) =>
    files.store(
      frame.component,
      new Uint8Array(await args.blob.arrayBuffer()),
      args.blob.type || null,
      frame,
      args.options?.sha256 ?? undefined,
    );
  js["storage/getBlob"] = async (frame, args: StorageArgs) => {
    const doc = await storageDoc(frame, args.storageId);
    const bytes = doc ? files.readBytes(args.storageId) : null;
    return bytes ? new Blob([new Uint8Array(bytes)], { type: doc!.contentType ?? "" }) : null;
  };
}
