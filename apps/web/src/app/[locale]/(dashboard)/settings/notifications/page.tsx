import { NotificationSettingsView } from "@/modules/settings/ui/views/notification-settings-view";

export default function NotificationSettingsPage() {
  return <NotificationSettingsView />;
}
