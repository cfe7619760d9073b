import { identityProvider } from "@/modules/auth/lib/identity-provider";
import { ClerkOrganizationSettings } from "@/modules/auth/ui/components/clerk-components";
import { OrganizationSettingsView } from "@/modules/settings/ui/views/organization-settings-view";

export default function OrganizationSettingsPage() {
  return identityProvider() === "clerk" ? (
    <ClerkOrganizationSettings />
  ) : (
    <OrganizationSettingsView />
  );
}
