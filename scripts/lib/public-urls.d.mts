export type PublicUrlKey = "dashboard" | "widget" | "embedScript" | "backend" | "site";
export type PublicUrl = { name: string; value: string; configured: boolean };
type Env = Record<string, string | undefined>;

export const PUBLIC_URLS: ReadonlyArray<{
  key: PublicUrlKey;
  name: string;
  alias?: string;
  localDefault: string;
}>;
export function isProductionDeployment(env?: Env): boolean;
export function readPublicUrls(env?: Env): Record<PublicUrlKey, PublicUrl>;
export function publicUrlProblems(env?: Env, keys?: readonly PublicUrlKey[]): string[];
export function assertPublicUrls(env: Env, keys: readonly PublicUrlKey[], where: string): void;
