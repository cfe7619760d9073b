import { CannedResponsesSettingsView } from "@/modules/canned-responses/ui/views/canned-responses-settings-view";

export default function CannedResponsesSettingsPage() {
  return <CannedResponsesSettingsView />;
}
