import type { Id } from "@echo/backend/convex/_generated/dataModel";

import { ConversationView } from "@/modules/conversations/ui/views/conversation-view";

export default async function ConversationPage({
  params,
}: {
  params: Promise<{ conversationId: string }>;
}) {
  const { conversationId } = await params;
  return <ConversationView conversationId={conversationId as Id<"conversations">} />;
}
