/** Accessible name of the launcher and the iframe. */
export function labelFor(locale: string): string {
  return /^pt/i.test(locale) ? "Chat de suporte" : "Support chat";
}
