"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Alert } from "@echo/ui/components/alert";
import { Button } from "@echo/ui/components/button";
import { useMutation, useQuery } from "convex/react";
import { useAtom, useAtomValue } from "jotai";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";

import { widgetOpenAtom } from "@/modules/embed/atoms/embed-atoms";
import { errorCodeOf, type ErrorCode } from "@/modules/errors/lib/error-code";
import { flowAtom } from "@/modules/flow/atoms/flow-atoms";
import { useSessionErrorHandler } from "@/modules/session/hooks/use-session-expiry";
import { TranscriptOptIn } from "@/modules/transcript/ui/transcript-opt-in";

import { OLDER_PAGE_SIZE, useConversationMessages } from "../../hooks/use-conversation-messages";
import { type ChatMessage, isAwaitingReply, showsSuggestions } from "../../lib/chat-message";
import { Composer } from "../components/composer";
import { MessageList } from "../components/message-list";
import { SuggestionList } from "../components/suggestion-list";
import { TypingIndicator } from "../components/typing-indicator";

/**
 * A conversation with the support agent. With no conversation yet it shows the greeting and
 * suggestions, and creates the conversation on the first message.
 */
export function ChatScreen({
  contactSessionId,
  greeting,
  suggestions,
}: {
  contactSessionId: Id<"contactSessions">;
  greeting: string;
  suggestions: readonly string[];
}) {
  const t = useTranslations("chat");
  const tErrors = useTranslations("errors");
  const [flow, dispatch] = useAtom(flowAtom);
  const handleSessionError = useSessionErrorHandler();
  const conversationId = flow.conversationId as Id<"conversations"> | null;
  const [sending, setSending] = useState(false);
  // A send error belongs to the conversation it happened in; another one starts clean.
  const [failure, setFailure] = useState<{ code: ErrorCode; conversationId: string | null } | null>(
    null,
  );
  const error = failure?.conversationId === conversationId ? failure.code : null;

  const createConversation = useMutation(api.public.conversations.create);
  const sendMessage = useMutation(api.public.messages.send);
  const markRead = useMutation(api.public.conversations.markRead);

  const conversation = useQuery(
    api.public.conversations.get,
    conversationId ? { contactSessionId, conversationId } : "skip",
  );
  const { results, status, loadMore } = useConversationMessages(
    conversation ? { contactSessionId, threadId: conversation.threadId } : "skip",
  );
  const messages: ChatMessage[] = conversationId
    ? results
    : [{ key: "greeting", role: "assistant", text: greeting, status: "success", author: "agent" }];
  const resolved = conversation?.status === "resolved";
  const unread = conversation?.unread ?? 0;
  // A reply is read when the visitor can see it: the loader keeps a closed widget loaded, hidden.
  const open = useAtomValue(widgetOpenAtom);

  useEffect(() => {
    if (!open || !conversationId || unread === 0 || resolved) return;
    markRead({ contactSessionId, conversationId }).catch(handleSessionError);
  }, [open, contactSessionId, conversationId, unread, resolved, markRead, handleSessionError]);

  const send = useCallback(
    async (text: string) => {
      setSending(true);
      setFailure(null);
      let id = conversationId;
      try {
        if (!id) {
          id = await createConversation({ contactSessionId });
          dispatch({ type: "conversationCreated", conversationId: id });
        }
        await sendMessage({ contactSessionId, conversationId: id, text });
        dispatch({ type: "messageSent" });
      } catch (caught) {
        if (!handleSessionError(caught)) {
          console.error("sending a message failed", caught);
          setFailure({ code: errorCodeOf(caught), conversationId: id });
        }
      } finally {
        setSending(false);
      }
    },
    [
      conversationId,
      contactSessionId,
      createConversation,
      sendMessage,
      dispatch,
      handleSessionError,
    ],
  );

  const loadOlder = useCallback(() => {
    if (status === "CanLoadMore") loadMore(OLDER_PAGE_SIZE);
  }, [status, loadMore]);

  const footer = (
    <>
      {isAwaitingReply(messages, conversationId ? conversation?.status : undefined) ? (
        <TypingIndicator />
      ) : null}
      {!resolved && showsSuggestions(messages) ? (
        <SuggestionList
          suggestions={suggestions}
          disabled={sending}
          onPick={(text) => void send(text)}
        />
      ) : null}
    </>
  );

  return (
    <section aria-label={t("title")} className="flex min-h-0 flex-1 flex-col">
      <MessageList
        messages={messages}
        canLoadOlder={status === "CanLoadMore"}
        loadingOlder={status === "LoadingMore"}
        onLoadOlder={loadOlder}
        footer={footer}
      />
      {resolved ? (
        <div className="flex flex-col gap-2 border-t p-3">
          <Alert>{t("resolved")}</Alert>
          <Button onClick={() => dispatch({ type: "startConversation" })}>
            {t("newConversation")}
          </Button>
        </div>
      ) : (
        <>
          {conversationId ? (
            <TranscriptOptIn contactSessionId={contactSessionId} conversationId={conversationId} />
          ) : null}
          <Composer
            draft={flow.draft}
            onDraftChange={(draft) => dispatch({ type: "draftChanged", draft })}
            onSend={(text) => void send(text)}
            sending={sending}
            error={error ? tErrors(error) : null}
          />
        </>
      )}
    </section>
  );
}
