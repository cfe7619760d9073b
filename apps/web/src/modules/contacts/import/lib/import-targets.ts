import { BASE_TARGETS } from "@echo/backend/convex/lib/contacts/importValidators";

export { BASE_TARGETS };
export type BaseTarget = (typeof BASE_TARGETS)[number];

/** The choices of a column: nothing, a contact field, or one of the organization's custom fields. */
export function targetOptions(
  fields: Array<{ key: string; label: string }>,
  label: (target: BaseTarget | "ignore") => string,
  customLabel: (fieldLabel: string) => string,
) {
  return [
    { value: "ignore", label: label("ignore") },
    ...BASE_TARGETS.map((target) => ({ value: target, label: label(target) })),
    ...fields.map((field) => ({ value: `custom:${field.key}`, label: customLabel(field.label) })),
  ];
}
