import { defineTable } from "convex/server";
import { v } from "convex/values";

import {
  vImportMapping,
  vImportMode,
  vImportReason,
  vImportRow,
  vImportStatus,
} from "./importValidators";

/** A CSV import: the uploaded file, its mapping, and its progress, read live by the dashboard. */
export const contactImportTables = {
  contactImports: defineTable({
    organizationId: v.string(),
    createdBy: v.string(),
    fileName: v.string(),
    storageId: v.id("_storage"),
    size: v.number(),
    status: vImportStatus,
    headers: v.array(v.string()),
    /** The first rows, as the admin sees them while mapping columns. */
    preview: v.array(v.array(v.string())),
    mapping: vImportMapping,
    mode: vImportMode,
    totalRows: v.number(),
    processedRows: v.number(),
    imported: v.number(),
    updated: v.number(),
    skipped: v.number(),
    rejected: v.number(),
    /** Batches parsed and waiting for their mutation; the job is done when it is zero again. */
    batches: v.number(),
    startedAt: v.optional(v.number()),
    finishedAt: v.optional(v.number()),
    error: v.optional(v.string()),
    /** The batch whose mutation failed; the import can be retried from it or discarded. */
    failedBatch: v.optional(v.number()),
  })
    .index("by_organization", ["organizationId"])
    .index("by_status", ["status"])
    .index("by_finishedAt", ["finishedAt"]),

  /** Parsed rows waiting to be written, one batch per document, deleted once applied. */
  contactImportBatches: defineTable({
    organizationId: v.string(),
    jobId: v.id("contactImports"),
    index: v.number(),
    rows: v.array(vImportRow),
  }).index("by_job_and_index", ["jobId", "index"]),

  /** A row the import refused, with the reason and the row's own cells for the report. */
  contactImportRejections: defineTable({
    organizationId: v.string(),
    jobId: v.id("contactImports"),
    row: v.number(),
    reason: vImportReason,
    cells: v.array(v.string()),
  }).index("by_job_and_row", ["jobId", "row"]),

  /** The organization's last mapping (by column header) and mode, offered on the next import. */
  contactImportSettings: defineTable({
    organizationId: v.string(),
    mapping: vImportMapping,
    mode: vImportMode,
  }).index("by_organization", ["organizationId"]),
};
