import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import { ConvexHttpClient } from "convex/browser";

/** A new contact session the way the widget makes one: a solved proof-of-work, then the route. */
async function createContactSession(siteUrl: string, organizationId: string, name: string) {
  const challengeUrl = `${siteUrl}/widget/contact-sessions/challenge?organizationId=${encodeURIComponent(organizationId)}`;
  const challenge = (await (await fetch(challengeUrl)).json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  const response = await fetch(`${siteUrl}/widget/contact-sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      organizationId,
      name,
      email: `${name.toLowerCase().replace(/\W+/g, ".")}@visitor.example`,
      metadata: {
        userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0",
        languages: ["en-US"],
        timezone: "UTC",
      },
      proof: { challenge, solution },
    }),
  });
  const body = (await response.json()) as { contactSessionId?: Id<"contactSessions"> };
  if (!response.ok || !body.contactSessionId)
    throw new Error(`contact session refused: ${JSON.stringify(body)}`);
  return body.contactSessionId;
}

/** A website visitor talking to the backend's public functions, as the widget does. */
export async function createVisitor(
  urls: { backend: string; site: string },
  organizationId: string,
  name: string,
) {
  const client = new ConvexHttpClient(urls.backend, { logger: false });
  const contactSessionId = await createContactSession(urls.site, organizationId, name);
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
