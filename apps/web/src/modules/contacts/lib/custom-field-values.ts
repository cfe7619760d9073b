import type { FieldDefinition } from "../fields/lib/field-definition";

type FieldValue = string | number | boolean;

/** A stored custom field value as the form's text: booleans as "yes"/"no", numbers as digits. */
export function toFieldText(value: FieldValue | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

function fromFieldText(type: FieldDefinition["type"], text: string): FieldValue {
  if (type === "boolean") return text === "yes";
  if (type === "number") {
    const number = Number(text.replace(",", "."));
    // Anything else goes as typed, so the backend's INVALID_FIELD_VALUE names the field.
    return text.trim() !== "" && Number.isFinite(number) ? number : text;
  }
  return type === "text" ? text.trim() : text;
}

/**
 * The custom fields the form changed: values to set, and the keys emptied by the operator (the
 * backend merges values, so an emptied field has to be cleared by name).
 */
export function customFieldChanges(
  definitions: FieldDefinition[],
  initial: Record<string, string>,
  current: Record<string, string>,
) {
  const customFields: Record<string, FieldValue> = {};
  const clearCustomFields: string[] = [];
  for (const { key, type } of definitions) {
    const before = initial[key] ?? "";
    const after = current[key] ?? "";
    if (after === before) continue;
    if (after.trim() === "") clearCustomFields.push(key);
    else customFields[key] = fromFieldText(type, after);
  }
  return {
    ...(Object.keys(customFields).length > 0 ? { customFields } : {}),
    ...(clearCustomFields.length > 0 ? { clearCustomFields } : {}),
  };
}
