import { identityProvider } from "@/modules/auth/lib/identity-provider";
import { ClerkProfile } from "@/modules/auth/ui/components/clerk-components";
import { ProfileView } from "@/modules/settings/ui/views/profile-view";

export default function ProfileSettingsPage() {
  return identityProvider() === "clerk" ? <ClerkProfile /> : <ProfileView />;
}
