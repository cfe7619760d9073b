import { readFileSync } from "node:fs";

/** A unit file's sections, each a map of key to its values in order (keys may repeat). */
export function parseUnit(text) {
  const sections = {};
  let current = null;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith(";")) continue;
    const header = line.match(/^\[(.+)\]$/);
    if (header) {
      current = sections[header[1]] ??= {};
      continue;
    }
    const eq = line.indexOf("=");
    if (!current || eq < 1) throw new Error(`not a unit file line: ${raw}`);
    (current[line.slice(0, eq)] ??= []).push(line.slice(eq + 1));
  }
  return sections;
}

/** `Environment=A=1 B=2` lines as one object. */
export function unitEnvironment(service) {
  return Object.fromEntries(
    (service.Environment ?? []).flatMap((line) =>
      line
        .split(/\s+/)
        .map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
    ),
  );
}

/**
 * The argv systemd runs for `ExecStart=` with `${VAR}` taken from `env` (what EnvironmentFile= and
 * Environment= give it), after replacing the install prefix (`/opt/echo`) with `root`.
 */
export function execStartArgv(service, env, { prefix = "/opt/echo", root = prefix } = {}) {
  const [line] = service.ExecStart ?? [];
  if (!line) throw new Error("the unit has no ExecStart=");
  return line.split(/\s+/).map((word) =>
    word.replaceAll(prefix, root).replace(/\$\{(\w+)\}/g, (_, name) => {
      if (env[name] === undefined) throw new Error(`ExecStart uses \${${name}}, which is not set`);
      return env[name];
    }),
  );
}

export function readUnit(file) {
  return parseUnit(readFileSync(file, "utf8"));
}
