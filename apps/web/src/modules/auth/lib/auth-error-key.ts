/** Maps an identity provider error to a key under the `auth.errors` messages. */
export function authErrorKey(error: { status?: number; code?: string } | null | undefined) {
  if (!error) return "generic";
  if (error.status === 429) return "tooManyAttempts";
  switch (error.code) {
    case "INVALID_EMAIL_OR_PASSWORD":
      return "invalidCredentials";
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return "emailTaken";
    case "PASSWORD_TOO_SHORT":
      return "passwordTooShort";
    case "INVALID_TOKEN":
      return "invalidResetLink";
    case "ORGANIZATION_ALREADY_EXISTS":
    case "ORGANIZATION_SLUG_ALREADY_TAKEN":
      return "organizationTaken";
    default:
      return "generic";
  }
}
