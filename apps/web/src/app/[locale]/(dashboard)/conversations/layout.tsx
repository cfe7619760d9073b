import type { ReactNode } from "react";

import { InboxLayoutView } from "@/modules/conversations/ui/views/inbox-layout-view";

export default function ConversationsLayout({ children }: { children: ReactNode }) {
  return <InboxLayoutView>{children}</InboxLayoutView>;
}
