import type { Id } from "@echo/backend/convex/_generated/dataModel";

import { ContactView } from "@/modules/contacts/ui/views/contact-view";

export default async function ContactPage({ params }: { params: Promise<{ contactId: string }> }) {
  const { contactId } = await params;
  return <ContactView contactId={contactId as Id<"contacts">} />;
}
