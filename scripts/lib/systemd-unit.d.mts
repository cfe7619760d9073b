/** A section's keys, each with its values in order (keys may repeat). */
export type UnitSection = Record<string, string[] | undefined>;
export type Unit = Record<string, UnitSection | undefined>;

export function parseUnit(text: string): Unit;
export function readUnit(file: string): Unit;
export function unitEnvironment(service: UnitSection): Record<string, string>;
export function execStartArgv(
  service: UnitSection,
  env: Record<string, string | undefined>,
  options?: { prefix?: string; root?: string },
): [string, ...string[]];
