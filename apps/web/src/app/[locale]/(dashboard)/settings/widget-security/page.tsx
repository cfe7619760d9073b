import { WidgetSecurityView } from "@/modules/agent-settings/ui/views/widget-security-view";

export default function WidgetSecuritySettingsPage() {
  return <WidgetSecurityView />;
}
