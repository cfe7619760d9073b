/**
 * `auth.config.ts` providers as a push answers them (`appAuth`). The CLI's schema needs a custom
 * JWT provider's `applicationID` to be present, null when the config leaves it out.
 */
export function pushedAuthInfo(providers: readonly unknown[]): unknown[] {
  return providers.map((provider) => {
    const p = provider as Record<string, unknown> | null;
    if (p?.type === "customJwt" && p.applicationID === undefined)
      return { ...p, applicationID: null };
    return provider;
  });
}
