import { CommitTsPlaceholder, jsonToConvex, type Value, type ValidatorJSON } from "convex/values";
import { compareStrings, compareValues } from "../values/compare.ts";
import { convexTypeOf } from "../values/type-order.ts";
import { isPlainObject } from "../values/field-path.ts";
import { displayValidator, displayValue } from "./display.ts";

/** What validation needs from the database: which table an id belongs to. */
export type ValidationContext = {
  /** Whether `id` is a well-formed id of a document in table `tableName`. */
  isIdForTable(id: string, tableName: string): boolean;
  /** The table an id refers to (null if not an id); enables the backend's "from table" wording. */
  tableNameForId?(id: string): string | null;
};

type ObjectValidatorJSON = Extract<ValidatorJSON, { type: "object" }>;

/**
 * A union tries its options until one matches; an option that does not is only a "no", so its
 * error text (which prints the whole value and validator) is not built.
 */
type Checking = ValidationContext & { quiet?: true };
const MISMATCH = "mismatch";
const quietContexts = new WeakMap<ValidationContext, Checking>();

function quietly(ctx: Checking): Checking {
  if (ctx.quiet) return ctx;
  let quiet = quietContexts.get(ctx);
  if (!quiet) {
    quiet = Object.assign(Object.create(ctx) as Checking, { quiet: true as const });
    quietContexts.set(ctx, quiet);
  }
  return quiet;
}

const SYSTEM_FIELDS = ["_id", "_creationTime"];

/**
 * Validates a value against a validator's JSON (`v.*().json`). Returns null when
 * valid, else the backend's error text; `path` is the starting context (e.g. "" or
 * ".args") and grows like ".field[0].keys()".
 */
export function validateValue(
  validator: ValidatorJSON,
  value: Value | undefined,
  path: string,
  ctx: ValidationContext,
): string | null {
  return check(validator, value, path, ctx);
}

/**
 * Validates a document against a table's `documentType` from the schema. System
 * fields (`_id`, `_creationTime`) are allowed whether or not the validator names them.
 */
export function validateDocument(
  documentType: ValidatorJSON | null | undefined,
  doc: Record<string, Value | undefined>,
  ctx: ValidationContext,
): string | null {
  if (!documentType) return null;
  const userFields: Record<string, Value | undefined> = {};
  for (const key of Object.keys(doc)) if (!SYSTEM_FIELDS.includes(key)) userFields[key] = doc[key];
  return check(userDocumentType(documentType), userFields, "", ctx);
}

/** Each table's document validator without its system fields, made once per validator. */
const userDocumentTypes = new WeakMap<ValidatorJSON, ValidatorJSON>();

function userDocumentType(documentType: ValidatorJSON): ValidatorJSON {
  let stripped = userDocumentTypes.get(documentType);
  if (!stripped)
    userDocumentTypes.set(documentType, (stripped = withoutSystemFields(documentType)));
  return stripped;
}

/** Wording the backend uses when a write breaks the schema. */
export function schemaValidationMessage(tableName: string, error: string): string {
  return `Failed to insert or update a document in table "${tableName}" because it does not match the schema: ${error}`;
}

function withoutSystemFields(validator: ValidatorJSON): ValidatorJSON {
  if (validator.type === "union")
    return { type: "union", value: validator.value.map(withoutSystemFields) };
  if (validator.type !== "object") return validator;
  const fields = { ...validator.value };
  for (const field of SYSTEM_FIELDS) delete fields[field];
  return { type: "object", value: fields };
}

function pathLine(path: string): string {
  return path ? `Path: ${path}` : "";
}

function noMatch(
  validator: ValidatorJSON,
  value: Value | undefined,
  path: string,
  ctx: Checking,
): string {
  if (ctx.quiet) return MISMATCH;
  return `Value does not match validator.\n${pathLine(path)}\nValue: ${displayValue(value)}\nValidator: ${displayValidator(validator)}`;
}

function check(
  validator: ValidatorJSON,
  value: Value | undefined,
  path: string,
  ctx: Checking,
): string | null {
  const type = convexTypeOf(value);
  switch (validator.type) {
    case "any":
      return value === undefined ? noMatch(validator, value, path, ctx) : null;
    case "null":
      return value === null ? null : noMatch(validator, value, path, ctx);
    case "number":
      return type === "float64" ? null : noMatch(validator, value, path, ctx);
    case "bigint":
      return typeof value === "bigint" ? null : noMatch(validator, value, path, ctx);
    case "commitTs":
      return typeof value === "bigint" || value instanceof CommitTsPlaceholder
        ? null
        : noMatch(validator, value, path, ctx);
    case "boolean":
      return type === "boolean" ? null : noMatch(validator, value, path, ctx);
    case "string":
      return type === "string" ? null : noMatch(validator, value, path, ctx);
    case "bytes":
      return type === "bytes" ? null : noMatch(validator, value, path, ctx);
    case "function":
      return typeof value === "string" && value.startsWith("function://")
        ? null
        : noMatch(validator, value, path, ctx);
    case "literal":
      return checkLiteral(validator, value, path, ctx);
    case "id":
      return checkId(validator, value, path, ctx);
    case "array": {
      if (!Array.isArray(value)) return noMatch(validator, value, path, ctx);
      for (let i = 0; i < value.length; i++) {
        const error = check(validator.value, value[i], `${path}[${i}]`, ctx);
        if (error) return error;
      }
      return null;
    }
    case "record": {
      if (!isPlainObject(value)) return noMatch(validator, value, path, ctx);
      for (const key of Object.keys(value).sort(compareStrings)) {
        if (value[key] === undefined) continue;
        const keyError = check(validator.keys as ValidatorJSON, key, `${path}.keys()`, ctx);
        if (keyError) return keyError;
        const valueError = check(validator.values.fieldType, value[key], `${path}.values()`, ctx);
        if (valueError) return valueError;
      }
      return null;
    }
    case "object":
      return isPlainObject(value)
        ? checkObject(validator, value, path, ctx)
        : noMatch(validator, value, path, ctx);
    case "union": {
      if (validator.value.length === 1) return check(validator.value[0]!, value, path, ctx);
      for (const option of validator.value) {
        if (check(option, value, path, quietly(ctx)) === null) return null;
      }
      return noMatch(validator, value, path, ctx);
    }
  }
}

function checkLiteral(
  validator: Extract<ValidatorJSON, { type: "literal" }>,
  value: Value | undefined,
  path: string,
  ctx: Checking,
): string | null {
  const literal = jsonToConvex(validator.value);
  if (
    value !== undefined &&
    convexTypeOf(literal) === convexTypeOf(value) &&
    compareValues(literal, value) === 0
  )
    return null;
  if (ctx.quiet) return MISMATCH;
  return `\`${displayValue(value)}\` does not match literal validator \`${displayValidator(validator)}\`.${pathLine(path)}`;
}

function checkId(
  validator: Extract<ValidatorJSON, { type: "id" }>,
  value: Value | undefined,
  path: string,
  ctx: Checking,
): string | null {
  if (typeof value !== "string") return noMatch(validator, value, path, ctx);
  if (ctx.isIdForTable(value, validator.tableName)) return null;
  const found = ctx.tableNameForId?.(value) ?? null;
  if (found === null) return noMatch(validator, value, path, ctx);
  if (ctx.quiet) return MISMATCH;
  if (found.startsWith("_")) {
    return `Found ID "${value}" from a system table, which does not match the table name in validator \`v.id("${validator.tableName}")\`.${pathLine(path)}`;
  }
  return `Found ID "${value}" from table \`${found}\`, which does not match the table name in validator \`v.id("${validator.tableName}")\`.${pathLine(path)}`;
}

/** Each object validator's field names in the order its errors name them, sorted once. */
const sortedFieldNames = new WeakMap<ObjectValidatorJSON, string[]>();

function sortedFields(validator: ObjectValidatorJSON): string[] {
  let fields = sortedFieldNames.get(validator);
  if (!fields)
    sortedFieldNames.set(validator, (fields = Object.keys(validator.value).sort(compareStrings)));
  return fields;
}

function checkObject(
  validator: ObjectValidatorJSON,
  object: Record<string, Value | undefined>,
  path: string,
  ctx: Checking,
): string | null {
  for (const field of sortedFields(validator)) {
    const { fieldType, optional } = validator.value[field]!;
    const fieldValue = object[field];
    if (fieldValue !== undefined) {
      const error = check(fieldType, fieldValue, `${path}.${field}`, ctx);
      if (error) return error;
    } else if (!optional) {
      if (ctx.quiet) return MISMATCH;
      return (
        `Object is missing the required field \`${field}\`. Consider wrapping the field validator in \`v.optional(...)\` if this is expected.\n` +
        `${pathLine(path)}\nObject: ${displayValue(object)}\nValidator: ${displayValidator(validator)}`
      );
    }
  }
  // Convex names the first extra field in sorted order.
  let extra: string | undefined;
  for (const field of Object.keys(object)) {
    if (object[field] === undefined || Object.hasOwn(validator.value, field)) continue;
    if (extra === undefined || compareStrings(field, extra) < 0) extra = field;
  }
  if (extra === undefined) return null;
  if (ctx.quiet) return MISMATCH;
  return (
    `Object contains extra field \`${extra}\` that is not in the validator.\n` +
    `${pathLine(path)}\nObject: ${displayValue(object)}\nValidator: ${displayValidator(validator)}`
  );
}
