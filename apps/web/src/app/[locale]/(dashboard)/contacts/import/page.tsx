import { ContactImportView } from "@/modules/contacts/import/ui/views/contact-import-view";

export default function ContactImportPage() {
  return <ContactImportView />;
}
