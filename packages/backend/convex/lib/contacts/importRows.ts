import type { Doc } from "../../_generated/dataModel";
import { errorCodeOf } from "../errors";
import {
  checkFieldValue,
  normalizeEmail,
  normalizePhone,
  normalizeTags,
  normalizeText,
} from "./normalize";
import {
  BASE_TARGETS,
  type ImportMapping,
  type ImportReason,
  type ImportRow,
} from "./importValidators";
import { CONTACT_STAGES, type ContactFieldValue, type ContactStage } from "./validators";

type FieldDefinition = Pick<Doc<"contactFields">, "key" | "type" | "options" | "label">;

export type RowContext = {
  headers: string[];
  mapping: ImportMapping;
  definitions: FieldDefinition[];
  stageLabels: Record<string, string>;
};

type Converted = { ok: true; row: ImportRow } | { ok: false; reason: ImportReason };

const LIST_SEPARATOR = /[;,]/;
const TRUE = new Set(["true", "yes", "y", "1", "sim", "s", "x"]);
const FALSE = new Set(["false", "no", "n", "0", "não", "nao"]);

/** A cell of a custom field column, read as its type before the shared check. */
function cellValue(definition: FieldDefinition, cell: string): ContactFieldValue {
  switch (definition.type) {
    case "number": {
      const number = Number(cell.replace(",", "."));
      return Number.isFinite(number) ? number : cell;
    }
    case "boolean": {
      const word = cell.toLowerCase();
      return TRUE.has(word) ? true : FALSE.has(word) ? false : cell;
    }
    case "select":
      return definition.options?.find((o) => o.toLowerCase() === cell.toLowerCase()) ?? cell;
    default:
      return cell;
  }
}

function stageOf(cell: string, labels: Record<string, string>): ContactStage | undefined {
  const word = cell.trim().toLowerCase();
  return CONTACT_STAGES.find(
    (stage) => stage === word || labels[stage]?.trim().toLowerCase() === word,
  );
}

/** One data row as a contact, or the first reason it cannot be one. */
export function convertRow(context: RowContext, line: number, cells: string[]): Converted {
  const row: ImportRow = { row: line, cells, emails: [], phones: [], tags: [], customFields: {} };
  const byKey = new Map(context.definitions.map((definition) => [definition.key, definition]));
  const tags: string[] = [];
  for (const [index, header] of context.headers.entries()) {
    const target = context.mapping[header];
    const cell = (cells[index] ?? "").trim();
    if (!target || target === "ignore" || !cell) continue;
    const reason = (code: ImportReason["code"]): Converted => ({
      ok: false,
      reason: { code, column: header, value: cell.slice(0, 200) },
    });
    try {
      if (target === "name") row.name = normalizeText(cell);
      else if (target === "company") row.company = normalizeText(cell);
      else if (target === "emails")
        row.emails.push(
          ...cell
            .split(LIST_SEPARATOR)
            .filter((s) => s.trim())
            .map(normalizeEmail),
        );
      else if (target === "phones")
        row.phones.push(
          ...cell
            .split(LIST_SEPARATOR)
            .filter((s) => s.trim())
            .map(normalizePhone),
        );
      else if (target === "tags") tags.push(...cell.split(LIST_SEPARATOR));
      else if (target === "stage") {
        const stage = stageOf(cell, context.stageLabels);
        if (!stage) return reason("INVALID_STAGE");
        row.stage = stage;
      } else if (target.startsWith("custom:")) {
        const key = target.slice("custom:".length);
        const definition = byKey.get(key);
        row.customFields[key] = checkFieldValue(
          definition,
          key,
          definition ? cellValue(definition, cell) : cell,
        );
      }
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === "INVALID_EMAIL" || code === "INVALID_PHONE") return reason(code);
      return reason("INVALID_FIELD_VALUE");
    }
  }
  row.emails = [...new Set(row.emails)];
  row.phones = [...new Set(row.phones)];
  try {
    row.tags = normalizeTags(tags);
  } catch {
    return { ok: false, reason: { code: "INVALID_FIELD_VALUE", column: "tags" } };
  }
  if (row.emails.length === 0 && row.phones.length === 0)
    return { ok: false, reason: { code: "MISSING_IDENTITY" } };
  return { ok: true, row };
}

const SYNONYMS: Record<(typeof BASE_TARGETS)[number], string[]> = {
  name: ["name", "fullname", "nome", "nomecompleto", "contact", "contato"],
  emails: ["email", "emails", "mail", "emailaddress"],
  phones: ["phone", "phones", "telephone", "mobile", "telefone", "celular", "whatsapp"],
  company: ["company", "organization", "organisation", "empresa"],
  stage: ["stage", "lifecyclestage", "lifecycle", "estagio", "etapa"],
  tags: ["tags", "tag", "labels", "etiquetas"],
};

const squash = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

/** The mapping offered for these headers: the organization's last choice, else a guess by name. */
export function suggestMapping(
  headers: string[],
  remembered: ImportMapping,
  definitions: Pick<FieldDefinition, "key" | "label">[],
): ImportMapping {
  const mapping: ImportMapping = {};
  for (const header of headers.filter(Boolean)) {
    const known = remembered[header];
    if (known && isTarget(known, definitions)) {
      mapping[header] = known;
      continue;
    }
    const word = squash(header);
    const base = BASE_TARGETS.find((target) => SYNONYMS[target].includes(word));
    const custom = definitions.find((d) => squash(d.key) === word || squash(d.label) === word);
    mapping[header] = base ?? (custom ? `custom:${custom.key}` : "ignore");
  }
  return mapping;
}

export function isTarget(target: string, definitions: Pick<FieldDefinition, "key">[]): boolean {
  if (target === "ignore" || (BASE_TARGETS as readonly string[]).includes(target)) return true;
  return (
    target.startsWith("custom:") &&
    definitions.some((definition) => `custom:${definition.key}` === target)
  );
}
