import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { JSONValue } from "convex/values";
import type { FileStorage } from "../files/file-storage.ts";
import { realNow } from "../environment/globals.ts";
import { buildSnapshotZip } from "./snapshot-export.ts";
import { applyImport, describeImport, type SnapshotTarget } from "./snapshot-import.ts";
import { ImportError, type ImportPlan, type ImportRequest, parseImport } from "./snapshot-parse.ts";

type ExportState = {
  _id: string;
  _creationTime: number;
  state: "completed";
  start_ts: bigint;
  complete_ts: bigint;
  zip_object_key: string;
  format: { format: "zip"; include_storage: boolean };
  requestor: "snapshotExport";
};

type ImportState =
  | {
      state: "waiting_for_confirmation";
      message_to_confirm: string;
      require_manual_confirmation: boolean;
    }
  | { state: "in_progress"; progress_message: string; checkpoint_messages: string[] }
  | { state: "completed"; num_rows_written: bigint }
  | { state: "failed"; error_message: string };

type ImportJob = {
  _id: string;
  _creationTime: number;
  state: ImportState;
  request: ImportRequest;
  plan: ImportPlan | null;
};

/** Snapshot exports and imports of one deployment, as the CLI's `_system/cli/*` queries see them. */
export class SnapshotJobs {
  private readonly deployment: SnapshotTarget & { files: FileStorage; dataDir: string };
  private latestExport: ExportState | null = null;
  private readonly uploads = new Map<string, Map<string, Buffer>>();
  private readonly imports = new Map<string, ImportJob>();

  constructor(deployment: SnapshotTarget & { files: FileStorage; dataDir: string }) {
    this.deployment = deployment;
  }

  private get exportDir(): string {
    return join(this.deployment.dataDir, "exports");
  }

  /** Writes a snapshot ZIP of the current state into the data dir (replacing the previous one). */
  export(includeStorage: boolean): ExportState {
    const startTs = this.deployment.store.latestTs();
    const zip = buildSnapshotZip(this.deployment, includeStorage);
    rmSync(this.exportDir, { recursive: true, force: true });
    mkdirSync(this.exportDir, { recursive: true });
    const key = `snapshot_${startTs}.zip`;
    writeFileSync(join(this.exportDir, key), zip);
    this.latestExport = {
      _id: randomUUID(),
      _creationTime: realNow(),
      state: "completed",
      start_ts: startTs,
      complete_ts: this.deployment.store.latestTs(),
      zip_object_key: key,
      format: { format: "zip", include_storage: includeStorage },
      requestor: "snapshotExport",
    };
    return this.latestExport;
  }

  /** The ZIP file of the export taken at `ts`, or null if it is not the latest one. */
  exportFile(ts: string): { path: string; name: string } | null {
    const latest = this.latestExport;
    if (!latest || latest.start_ts.toString() !== ts) return null;
    if (!readdirSync(this.exportDir).includes(latest.zip_object_key)) return null;
    return { path: join(this.exportDir, latest.zip_object_key), name: latest.zip_object_key };
  }

  latestExportValue(): JSONValue {
    return this.latestExport ? encode(this.latestExport) : null;
  }

  startUpload(): string {
    const token = randomUUID();
    this.uploads.set(token, new Map());
    return token;
  }

  uploadPart(token: string, partNumber: number, bytes: Buffer): string {
    const parts = this.uploads.get(token);
    if (!parts) throw new ImportError("Unknown upload token.");
    const partToken = `${partNumber}-${randomUUID()}`;
    parts.set(partToken, bytes);
    return partToken;
  }

  /** Assembles the uploaded parts and parses them: the job waits for confirmation, or has failed. */
  finishUpload(token: string, partTokens: string[], request: ImportRequest): string {
    const parts = this.uploads.get(token);
    if (!parts) throw new ImportError("Unknown upload token.");
    this.uploads.delete(token);
    const chunks = partTokens.map((t) => {
      const chunk = parts.get(t);
      if (!chunk) throw new ImportError(`Unknown upload part ${JSON.stringify(t)}.`);
      return chunk;
    });
    const job: ImportJob = {
      _id: randomUUID(),
      _creationTime: realNow(),
      state: {
        state: "in_progress",
        progress_message: "Parsing uploaded data",
        checkpoint_messages: [],
      },
      request,
      plan: null,
    };
    this.imports.set(job._id, job);
    try {
      job.plan = parseImport(Buffer.concat(chunks), request);
      const { message, requireConfirmation } = describeImport(this.deployment, job.plan);
      job.state = {
        state: "waiting_for_confirmation",
        message_to_confirm: message,
        require_manual_confirmation: requireConfirmation,
      };
    } catch (e) {
      job.state = { state: "failed", error_message: errorMessage(e) };
    }
    return job._id;
  }

  /** Runs a confirmed import to completion (all checks again, then the writes). */
  async perform(importId: string): Promise<void> {
    const job = this.imports.get(importId);
    if (!job) throw new ImportError(`Unknown import ${JSON.stringify(importId)}.`);
    if (job.state.state !== "waiting_for_confirmation" || !job.plan)
      throw new ImportError(`Import ${importId} is not waiting for confirmation.`);
    const plan = job.plan;
    job.plan = null;
    job.state = { state: "in_progress", progress_message: "Importing", checkpoint_messages: [] };
    try {
      const written = await applyImport(this.deployment, plan);
      job.state = { state: "completed", num_rows_written: BigInt(written) };
    } catch (e) {
      job.state = { state: "failed", error_message: errorMessage(e) };
    }
  }

  cancel(importId: string): void {
    const job = this.imports.get(importId);
    if (!job) throw new ImportError(`Unknown import ${JSON.stringify(importId)}.`);
    if (job.state.state !== "waiting_for_confirmation")
      throw new ImportError(`Import ${importId} can no longer be canceled.`);
    job.plan = null;
    job.state = { state: "failed", error_message: "Import canceled" };
  }

  importValue(importId: string): JSONValue {
    const job = this.imports.get(importId);
    return job ? encodeImport(job) : null;
  }

  importList(): JSONValue {
    return [...this.imports.values()].map(encodeImport);
  }
}

function errorMessage(e: unknown): string {
  if (e instanceof ImportError) return e.message;
  return `Import failed: ${e instanceof Error ? e.message : String(e)}`;
}

function encodeImport(job: ImportJob): JSONValue {
  return encode({
    _id: job._id,
    _creationTime: job._creationTime,
    state: job.state,
    format: job.request.format,
    mode: job.request.mode,
    tableName: job.request.tableName ?? null,
    componentPath: job.request.componentPath ?? null,
    requestor: { type: "snapshotImport" },
  });
}

/** Plain values as convex JSON (bigints as `$integer`), for a system query's result. */
function encode(value: unknown): JSONValue {
  if (typeof value === "bigint") {
    const bytes = Buffer.alloc(8);
    bytes.writeBigInt64LE(value);
    return { $integer: bytes.toString("base64") };
  }
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  return value as JSONValue;
}
