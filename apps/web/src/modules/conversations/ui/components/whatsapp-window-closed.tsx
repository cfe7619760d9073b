"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { useQuery } from "convex/react";

import { WhatsAppTemplatePicker } from "./whatsapp-template-picker";

/** On a Cloud API number past the 24-hour window, the template picker above the reply box. */
export function WhatsAppWindowClosed({
  conversationId,
  disabled,
}: {
  conversationId: Id<"conversations">;
  disabled: boolean;
}) {
  const window = useQuery(api.private.whatsappTemplates.window, { conversationId });
  if (!window || window.open) return null;
  return <WhatsAppTemplatePicker conversationId={conversationId} disabled={disabled} />;
}
