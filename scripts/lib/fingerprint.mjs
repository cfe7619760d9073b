import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";

/**
 * SHA-256 over the given files' paths (relative to `base`) and contents, in the order given; a
 * missing file counts as absent, so adding or removing one changes the fingerprint.
 */
export function fingerprintFiles(base, files, extra = []) {
  const hash = createHash("sha256");
  for (const value of extra) hash.update(value).update("\0");
  for (const file of files) {
    hash.update(relative(base, file)).update("\0");
    hash.update(existsSync(file) ? readFileSync(file) : "(absent)").update("\0");
  }
  return hash.digest("hex");
}

/** The fingerprint a step recorded in `stampFile` when it last succeeded, or null. */
export function readStamp(stampFile) {
  return existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : null;
}
