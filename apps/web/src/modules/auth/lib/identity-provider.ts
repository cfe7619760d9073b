export type IdentityProviderName = "clerk" | "self-hosted";

/** Clerk when its keys are configured, the self-hosted provider otherwise; read at request time. */
export function identityProvider(
  env: Record<string, string | undefined> = process.env,
): IdentityProviderName {
  return env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY && env.CLERK_SECRET_KEY ? "clerk" : "self-hosted";
}
