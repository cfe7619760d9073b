// Re-wraps every organization secret's data key from the old master key to the new one.
//   node scripts/rotate-secrets-key.mjs --generate     prints a fresh ECHO_SECRETS_KEY
//   OLD_ECHO_SECRETS_KEY=… NEW_ECHO_SECRETS_KEY=… node scripts/rotate-secrets-key.mjs
// Talks to the deployment as the CLI does: CONVEX_SELF_HOSTED_URL + CONVEX_SELF_HOSTED_ADMIN_KEY
// (or CONVEX_URL + CONVEX_ADMIN_KEY). Keys come from the environment, never from argv, so they
// stay out of shell history and process listings. The full procedure is in README.md.
import { randomBytes } from "node:crypto";

import { ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";

if (process.argv.includes("--generate")) {
  process.stdout.write(`${randomBytes(32).toString("base64")}\n`);
  process.exit(0);
}

const url = process.env.CONVEX_SELF_HOSTED_URL ?? process.env.CONVEX_URL;
const adminKey = process.env.CONVEX_SELF_HOSTED_ADMIN_KEY ?? process.env.CONVEX_ADMIN_KEY;
const oldKey = process.env.OLD_ECHO_SECRETS_KEY;
const newKey = process.env.NEW_ECHO_SECRETS_KEY;
const missing = Object.entries({
  "CONVEX_SELF_HOSTED_URL (or CONVEX_URL)": url,
  "CONVEX_SELF_HOSTED_ADMIN_KEY (or CONVEX_ADMIN_KEY)": adminKey,
  OLD_ECHO_SECRETS_KEY: oldKey,
  NEW_ECHO_SECRETS_KEY: newKey,
})
  .filter(([, value]) => !value)
  .map(([name]) => name);
if (missing.length > 0) {
  console.error(`rotate-secrets-key: set ${missing.join(", ")}`);
  process.exit(1);
}

const client = new ConvexHttpClient(url);
client.setAdminAuth(adminKey);
const rotate = makeFunctionReference("system/secrets/secrets:rotateMasterKey");
try {
  const { rewrapped, alreadyCurrent, keyId } = await client.action(rotate, { oldKey, newKey });
  console.info(
    `Re-wrapped ${rewrapped} secret(s), ${alreadyCurrent} already under key ${keyId}. ` +
      "Now remove ECHO_SECRETS_KEY_PREVIOUS from the deployment.",
  );
} catch (error) {
  console.error(`rotate-secrets-key: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
