/**
 * The addresses other machines reach a deployment at. One table for the start script, both Next
 * apps' configs (checked at `next build` and `next start`) and the dashboard's Integrations page.
 */
export const PUBLIC_URLS = [
  { key: "dashboard", name: "ECHO_WEB_URL", localDefault: "http://localhost:3000" },
  { key: "widget", name: "ECHO_WIDGET_URL", localDefault: "http://localhost:3001" },
  {
    key: "embedScript",
    name: "ECHO_EMBED_SCRIPT_URL",
    localDefault: "http://localhost:3002/dist/widget.js",
  },
  {
    key: "backend",
    name: "ECHO_CONVEX_URL",
    alias: "NEXT_PUBLIC_CONVEX_URL",
    localDefault: "http://127.0.0.1:3210",
  },
  {
    key: "site",
    name: "ECHO_CONVEX_SITE_URL",
    alias: "NEXT_PUBLIC_CONVEX_SITE_URL",
    localDefault: "http://127.0.0.1:3211",
  },
];

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|\[::\])$/;

/** `ECHO_DEPLOYMENT=production` marks a deployment other machines use; anything else is local. */
export function isProductionDeployment(env = process.env) {
  return env.ECHO_DEPLOYMENT?.trim().toLowerCase() === "production";
}

/** Each public URL: its value (the local default when unset) and whether it was configured. */
export function readPublicUrls(env = process.env) {
  return Object.fromEntries(
    PUBLIC_URLS.map(({ key, name, alias, localDefault }) => {
      const set = env[name]?.trim() || (alias ? env[alias]?.trim() : "") || "";
      return [
        key,
        { name, value: (set || localDefault).replace(/\/+$/, ""), configured: set !== "" },
      ];
    }),
  );
}

function problemWith(value, production) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return "is not an absolute URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "is not an http(s) URL";
  if (!production) return null;
  if (LOOPBACK.test(url.hostname)) return "points at this machine (localhost)";
  if (url.protocol !== "https:") return "is not https";
  return null;
}

/**
 * What is wrong with the public URLs `keys` in `env`, one line per variable naming it. In a
 * production deployment every one must be set, https and not loopback; locally, set ones must
 * parse.
 */
export function publicUrlProblems(env = process.env, keys = PUBLIC_URLS.map(({ key }) => key)) {
  const production = isProductionDeployment(env);
  const urls = readPublicUrls(env);
  const problems = [];
  for (const key of keys) {
    const { name, value, configured } = urls[key];
    if (!configured) {
      if (production) problems.push(`${name} is not set`);
      continue;
    }
    const problem = problemWith(value, production);
    if (problem) problems.push(`${name} ${problem}: ${value}`);
  }
  return problems;
}

/** Throws an error naming every misconfigured public URL variable. */
export function assertPublicUrls(env, keys, where) {
  const problems = publicUrlProblems(env, keys);
  if (problems.length === 0) return;
  throw new Error(
    `${where}: the public URLs are misconfigured (ECHO_DEPLOYMENT=${env.ECHO_DEPLOYMENT ?? "local"}):\n` +
      problems.map((problem) => `  - ${problem}`).join("\n") +
      "\nSee docs/deploy-server.md or docs/deploy-cloud.md.",
  );
}
