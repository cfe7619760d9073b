import { ContactsView } from "@/modules/contacts/ui/views/contacts-view";

export default function ContactsPage() {
  return <ContactsView />;
}
