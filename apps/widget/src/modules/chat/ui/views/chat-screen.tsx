"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Alert } from "@echo/ui/components/alert";
import { Button } from "@echo/ui/components/button";
import { readyAttachmentIds } from "@echo/ui/lib/attachment-drafts";
import { useTypingSignal } from "@echo/ui/lib/typing-signal";
import { useMutation, useQuery } from "convex/react";
import { useAtom, useAtomValue } from "jotai";
import { useLocale, useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useRef, useState } from "react";

import type { Locale } from "@/i18n/locales";
import { widgetOpenAtom } from "@/modules/embed/atoms/embed-atoms";
import { errorCodeOf, type ErrorCode } from "@/modules/errors/lib/error-code";
import { flowAtom } from "@/modules/flow/atoms/flow-atoms";
import { useSessionErrorHandler } from "@/modules/session/hooks/use-session-expiry";
import { TranscriptOptIn } from "@/modules/transcript/ui/transcript-opt-in";

import { useAttachmentDrafts } from "../../hooks/use-attachment-drafts";
import { OLDER_PAGE_SIZE, useConversationMessages } from "../../hooks/use-conversation-messages";
import {
  type ChatMessage,
  isAwaitingReply,
  lastContactMessage,
  offersAnswerCheck,
  showsSuggestions,
} from "../../lib/chat-message";
import { logRequest, newRequestId } from "../../lib/request-log";
import { AnswerCheck } from "../components/answer-check";
import { Composer } from "../components/composer";
import { MessageList } from "../components/message-list";
import { SuggestionList } from "../components/suggestion-list";
import { TypingIndicator } from "../components/typing-indicator";

// The rating is asked only after a resolution, so its code loads then.
const CsatPrompt = dynamic(() => import("@/modules/csat/ui/csat-prompt").then((m) => m.CsatPrompt));

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
  const locale = useLocale() as Locale;
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
  const setTyping = useMutation(api.public.typing.set);
  const clearTyping = useMutation(api.public.typing.clear);

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
  const typists = useQuery(
    api.public.typing.operators,
    conversationId && conversation && !resolved ? { contactSessionId, conversationId } : "skip",
  );
  const typist = typists?.[0];
  const seenKey = conversation?.seenByOperator ? lastContactMessage(messages)?.key : undefined;
  // Typing signals are best effort: a lost one only hides the indicator sooner.
  useTypingSignal(resolved ? "" : flow.draft, conversationId, {
    send: (draft) => {
      if (conversationId)
        setTyping({ contactSessionId, conversationId, draft }).catch(() => undefined);
    },
    stop: () => {
      if (conversationId) clearTyping({ contactSessionId, conversationId }).catch(() => undefined);
    },
  });
  // A reply is read when the visitor can see it: the loader keeps a closed widget loaded, hidden.
  const open = useAtomValue(widgetOpenAtom);

  useEffect(() => {
    if (!open || !conversationId || unread === 0 || resolved) return;
    markRead({ contactSessionId, conversationId }).catch(handleSessionError);
  }, [open, contactSessionId, conversationId, unread, resolved, markRead, handleSessionError]);

  // A file can be the visitor's first word: the conversation is created once, for the first of
  // the message and its files to need it, and forgotten when the visitor starts a new one.
  const current = useRef(conversationId);
  const creating = useRef<Promise<Id<"conversations">> | null>(null);
  useEffect(() => {
    current.current = conversationId;
    if (!conversationId) creating.current = null;
  }, [conversationId]);
  const conversationFor = useCallback(async () => {
    if (current.current) return current.current;
    creating.current ??= createConversation({ contactSessionId, language: locale }).then((id) => {
      current.current = id;
      dispatch({ type: "conversationCreated", conversationId: id });
      return id;
    });
    return await creating.current;
  }, [contactSessionId, locale, createConversation, dispatch]);
  const files = useAttachmentDrafts(contactSessionId, conversationFor);

  const send = useCallback(
    async (text: string) => {
      setSending(true);
      setFailure(null);
      let id = conversationId;
      const attachmentIds = readyAttachmentIds<Id<"attachments">>(files.drafts);
      const requestId = newRequestId();
      const startedAt = performance.now();
      try {
        id = await conversationFor();
        await sendMessage({
          contactSessionId,
          conversationId: id,
          text,
          ...(attachmentIds.length ? { attachmentIds } : {}),
          requestId,
        });
        logRequest("info", "widget.message.sent", {
          requestId,
          conversationId: id,
          durationMs: Math.round(performance.now() - startedAt),
        });
        files.clearSent(attachmentIds);
        return true;
      } catch (caught) {
        if (!handleSessionError(caught)) {
          logRequest("error", "widget.message.failed", {
            requestId,
            conversationId: id,
            durationMs: Math.round(performance.now() - startedAt),
            error: String(caught),
          });
          setFailure({ code: errorCodeOf(caught), conversationId: id });
        }
        return false;
      } finally {
        setSending(false);
      }
    },
    [conversationId, contactSessionId, conversationFor, files, sendMessage, handleSessionError],
  );
  // The box empties as the message leaves, as chat apps do; a failed send puts the text back.
  const sendDraft = (text: string) => {
    dispatch({ type: "sendStarted" });
    void send(text).then((sent) => {
      if (!sent) dispatch({ type: "sendFailed", text });
    });
  };

  const loadOlder = useCallback(() => {
    if (status === "CanLoadMore") loadMore(OLDER_PAGE_SIZE);
  }, [status, loadMore]);

  const footer = (
    <>
      {typist ? (
        <TypingIndicator
          label={typist.name ? t("operatorTyping", { name: typist.name }) : t("teamTyping")}
        />
      ) : isAwaitingReply(messages, conversationId ? conversation?.status : undefined) ? (
        <TypingIndicator />
      ) : null}
      {!resolved && showsSuggestions(messages) ? (
        <SuggestionList
          suggestions={suggestions}
          disabled={sending}
          onPick={(text) => void send(text)}
        />
      ) : null}
      {!resolved && conversationId && offersAnswerCheck(messages) ? (
        <AnswerCheck disabled={sending} onPick={(text) => void send(text)} />
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
        seenKey={seenKey}
        footer={footer}
      />
      {resolved ? (
        <div className="flex flex-col gap-2 border-t p-3">
          <Alert>{t("resolved")}</Alert>
          {conversationId ? (
            <CsatPrompt contactSessionId={contactSessionId} conversationId={conversationId} />
          ) : null}
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
            onSend={sendDraft}
            sending={sending}
            error={error ? tErrors(error) : null}
            attachments={{
              drafts: files.drafts,
              accept: files.accept,
              onAttach: (picked) => void files.attach(picked),
              onRemove: files.remove,
            }}
          />
        </>
      )}
    </section>
  );
}
