import { TagsSettingsView } from "@/modules/triage/ui/views/tags-settings-view";

export default function TagsSettingsPage() {
  return <TagsSettingsView />;
}
