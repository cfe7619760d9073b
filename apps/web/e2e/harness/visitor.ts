import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { ConvexHttpClient } from "convex/browser";

/** A website visitor talking to the backend's public functions, as the widget does. */
export async function createVisitor(backendUrl: string, organizationId: string, name: string) {
  const client = new ConvexHttpClient(backendUrl, { logger: false });
  const { contactSessionId } = await client.mutation(api.public.contactSessions.create, {
    organizationId,
    name,
    email: `${name.toLowerCase().replace(/\W+/g, ".")}@visitor.example`,
    metadata: {
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0",
      languages: ["en-US"],
      timezone: "UTC",
    },
  });
  const conversationId = await client.mutation(api.public.conversations.create, {
    contactSessionId,
  });
  const ids = { contactSessionId, conversationId };
  return {
    ...ids,
    send: (text: string) => client.mutation(api.public.messages.send, { ...ids, text }),
    conversation: () => client.query(api.public.conversations.get, ids),
    messages: async () => {
      const { threadId } = await client.query(api.public.conversations.get, ids);
      const page = await client.query(api.public.messages.list, {
        contactSessionId,
        threadId,
        paginationOpts: { numItems: 50, cursor: null },
      });
      return page.page.map((message) => ({
        author: message.author as string,
        text: message.text as string,
      }));
    },
  };
}

/** Polls until `check` returns a value, or fails after the timeout with the last seen state. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last as T;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`condition not met within ${timeoutMs} ms (last: ${JSON.stringify(last)})`);
}

export type Visitor = Awaited<ReturnType<typeof createVisitor>>;
export type ConversationId = Id<"conversations">;
