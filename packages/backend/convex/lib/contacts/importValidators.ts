import { v, type Infer } from "convex/values";

import { vContactFieldValue, vContactStage } from "./validators";

export const vImportStatus = v.union(
  v.literal("mapping"),
  v.literal("parsing"),
  v.literal("importing"),
  v.literal("done"),
  v.literal("failed"),
);
export type ImportStatus = Infer<typeof vImportStatus>;

/** What a contact that is already there (by email or phone) gets from a row that matches it. */
export const vImportMode = v.union(v.literal("update"), v.literal("skip"));
export type ImportMode = Infer<typeof vImportMode>;

/** A column's target: a contact field, a custom field ("custom:<key>"), or nothing ("ignore"). */
export const BASE_TARGETS = ["name", "emails", "phones", "company", "stage", "tags"] as const;
export type BaseTarget = (typeof BASE_TARGETS)[number];
export type ImportTarget = BaseTarget | `custom:${string}` | "ignore";

/** Column header → target. */
export const vImportMapping = v.record(v.string(), v.string());
export type ImportMapping = Record<string, string>;

/** Why a row was refused: a stable code the dashboard translates, the column and its value. */
export const IMPORT_REASONS = [
  "INVALID_EMAIL",
  "INVALID_PHONE",
  "INVALID_FIELD_VALUE",
  "INVALID_STAGE",
  "MISSING_IDENTITY",
  "MATCHES_SEVERAL",
] as const;
export const vImportReason = v.object({
  code: v.union(...IMPORT_REASONS.map((code) => v.literal(code))),
  column: v.optional(v.string()),
  value: v.optional(v.string()),
});
export type ImportReason = Infer<typeof vImportReason>;

/** A row checked and normalized, ready for the database; `row` is its line in the file (1 = header). */
export const vImportRow = v.object({
  row: v.number(),
  cells: v.array(v.string()),
  name: v.optional(v.string()),
  emails: v.array(v.string()),
  phones: v.array(v.string()),
  company: v.optional(v.string()),
  stage: v.optional(vContactStage),
  tags: v.array(v.string()),
  customFields: v.record(v.string(), vContactFieldValue),
});
export type ImportRow = Infer<typeof vImportRow>;
