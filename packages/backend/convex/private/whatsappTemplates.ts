import { v } from "convex/values";

import { internal } from "../_generated/api";
import { fail } from "../lib/errors";
import { operatorAction, operatorQuery } from "../lib/functions";
import { requireOrgConversation } from "../lib/operatorConversations";
import { CloudApiError, cloudClient, type ApprovedTemplate } from "../lib/whatsapp/cloud/client";
import { whatsappCloudSecrets } from "../lib/whatsapp/connections";
import { chatOf } from "../lib/whatsapp/outbox";
import { windowClosesAt } from "../lib/whatsapp/window";

/**
 * The composer's question for a WhatsApp conversation: may a free-form reply go, and until when?
 * Null when no window applies (another channel, or an Evolution number).
 */
export const window = operatorQuery({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const conversation = await requireOrgConversation(ctx, ctx.operator, conversationId);
    if (conversation.channel !== "whatsapp") return null;
    const chat = await chatOf(ctx, conversation);
    const connection = chat ? await ctx.db.get(chat.connectionId) : null;
    if (!chat || !connection?.active) return null;
    const closesAt = windowClosesAt(connection, chat);
    return closesAt === null ? null : { closesAt, open: Date.now() < closesAt };
  },
});

/** The approved message templates of the organization's Cloud API number, from Meta. */
export const list = operatorAction({
  args: {},
  handler: async (ctx): Promise<ApprovedTemplate[]> => {
    const { orgId } = ctx.operator;
    const number = await ctx.runQuery(internal.system.whatsapp.connections.cloudNumber, {
      organizationId: orgId,
    });
    if (!number) fail("NOT_CONFIGURED", "No WhatsApp Cloud API number is connected");
    const accessToken = await ctx.runAction(internal.system.secrets.secrets.read, {
      organizationId: orgId,
      name: whatsappCloudSecrets(number.connectionId).accessToken,
    });
    if (!accessToken) fail("NOT_CONFIGURED", "The WhatsApp number's access token is missing");
    try {
      return await cloudClient({ ...number, accessToken }).approvedTemplates();
    } catch (error) {
      if (!(error instanceof CloudApiError)) throw error;
      if (error.status === 401 || error.status === 403)
        fail("INVALID_CREDENTIALS", `The Cloud API refused the access token: ${error.message}`);
      fail("UPSTREAM_UNAVAILABLE", `The Cloud API did not list templates: ${error.message}`);
    }
  },
});
