/** The backend's rule for a custom field's key (private/contactFields.ts). */
export const FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** A key suggested from a field's label: "Plano do cliente" → "plano_do_cliente". */
export function suggestFieldKey(label: string): string {
  const key = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return (/^[a-z]/.test(key) ? key : key ? `f_${key}` : "").slice(0, 40).replace(/_+$/, "");
}

/** Options for a select field, one per comma or line, as the admin typed them. */
export const splitOptions = (text: string) =>
  text
    .split(/[,\n]/)
    .map((option) => option.trim())
    .filter(Boolean);
