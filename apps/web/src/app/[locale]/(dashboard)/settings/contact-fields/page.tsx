import { ContactFieldsSettingsView } from "@/modules/contacts/fields/ui/views/contact-fields-settings-view";

export default function ContactFieldsSettingsPage() {
  return <ContactFieldsSettingsView />;
}
