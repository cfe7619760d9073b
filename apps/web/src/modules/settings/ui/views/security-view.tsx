import { PasswordChange } from "../components/password-change";
import { TwoFactorSettings } from "../components/two-factor-settings";

/** The self-hosted provider's password and two-factor settings (Clerk has its own profile). */
export function SecurityView() {
  return (
    <div className="grid gap-6">
      <PasswordChange />
      <TwoFactorSettings />
    </div>
  );
}
