/** The custom field types the backend validates (lib/contacts/validators.ts). */
export const FIELD_TYPES = ["text", "number", "date", "select", "boolean"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export type FieldDefinition = { key: string; label: string; type: FieldType; options: string[] };
