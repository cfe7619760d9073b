/** Marks a cursor past the end of the query's range. */
export const END_CURSOR = "end" as const;

/** Cursors are opaque to clients: the last index key read, or the end marker. */
export function encodePageCursor(position: Uint8Array | typeof END_CURSOR): string {
  return position === END_CURSOR ? "_end" : Buffer.from(position).toString("base64url");
}

export function decodePageCursor(cursor: string): Uint8Array | typeof END_CURSOR {
  if (cursor === "_end") return END_CURSOR;
  if (cursor.startsWith("search:"))
    throw new Error("InvalidCursor: a search cursor was used with an index query.");
  if (!/^[A-Za-z0-9_-]*$/.test(cursor))
    throw new Error("InvalidCursor: the pagination cursor is malformed.");
  return new Uint8Array(Buffer.from(cursor, "base64url"));
}
