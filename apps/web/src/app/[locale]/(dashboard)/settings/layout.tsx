import type { ReactNode } from "react";

import { identityProvider } from "@/modules/auth/lib/identity-provider";
import { SettingsLayoutView } from "@/modules/settings/ui/views/settings-layout-view";

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return <SettingsLayoutView provider={identityProvider()}>{children}</SettingsLayoutView>;
}
