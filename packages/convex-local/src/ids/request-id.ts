import { randomUUID } from "node:crypto";

/** A 16-hex-digit id, as Convex's request ids and this runtime's job and upload ids read. */
export function randomId(): string {
  return randomUUID().replaceAll("-", "").slice(0, 16);
}
