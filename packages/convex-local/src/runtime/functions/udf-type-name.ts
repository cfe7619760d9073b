/** `"query"` as Convex names it in texts and logs: `"Query"`. */
export function udfTypeName(udfType: string): string {
  return udfType[0]!.toUpperCase() + udfType.slice(1);
}
