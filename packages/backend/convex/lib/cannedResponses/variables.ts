/** The variables a canned response's body may use, each written `{{name}}`. */
export const CANNED_VARIABLES = [
  "contact.name",
  "contact.email",
  "operator.name",
  "organization.name",
] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];

/**
 * The body with each known `{{variable}}` replaced by its value (spaces inside the braces
 * allowed); an unknown name is left as written so the operator sees it before sending.
 */
export function fillVariables(
  body: string,
  values: Partial<Record<CannedVariable, string>>,
): string {
  return body.replace(/\{\{\s*([a-z]+\.[a-z]+)\s*\}\}/gi, (whole, name: string) => {
    const known = CANNED_VARIABLES.find((variable) => variable === name.toLowerCase());
    return known ? (values[known] ?? "") : whole;
  });
}
