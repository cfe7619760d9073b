/** A locale's messages as next-intl takes them (`messages/<locale>.json`). */
export type Messages = Record<string, unknown>;
