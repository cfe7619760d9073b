/** A template's body with `{{n}}` replaced by the n-th value (blank values stay as placeholders). */
export function fillTemplate(body: string, values: string[]): string {
  return body.replace(/\{\{\s*(\d+)\s*\}\}/g, (placeholder, index: string) => {
    const value = values[Number(index) - 1]?.trim();
    return value ? value : placeholder;
  });
}
