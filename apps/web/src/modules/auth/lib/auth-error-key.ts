/** Maps an identity provider error to a key under the `auth.errors` messages. */
export function authErrorKey(error: { status?: number; code?: string } | null | undefined) {
  if (!error) return "generic";
  if (error.code === "ACCOUNT_THROTTLED") return "accountThrottled";
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
    case "EMAIL_NOT_VERIFIED":
    case "EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION":
      return "emailNotVerified";
    case "YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION":
      return "notInvitee";
    case "INVALID_CODE":
    case "INVALID_BACKUP_CODE":
      return "invalidCode";
    case "INVALID_TWO_FACTOR_COOKIE":
    case "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE":
      return "codeExpired";
    case "INVALID_PASSWORD":
      return "wrongPassword";
    case "ORGANIZATION_ALREADY_EXISTS":
    case "ORGANIZATION_SLUG_ALREADY_TAKEN":
      return "organizationTaken";
    default:
      return "generic";
  }
}
