/** A same-site path to continue to after signing in, or null: never another origin. */
export function safeNext(value: string | null | undefined): string | null {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\"))
    return null;
  return value;
}
