"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Avatar } from "@echo/ui/components/avatar";
import { Badge } from "@echo/ui/components/badge";
import { Button } from "@echo/ui/components/button";
import { Dialog, DialogContent, DialogTitle, DialogTrigger } from "@echo/ui/components/dialog";
import { useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

import { Link } from "@/i18n/navigation";
import { useErrorMessage } from "@/modules/convex/use-error-message";
import { ConversationTriage } from "@/modules/triage/ui/components/conversation-triage";

import { useInboxShortcuts } from "../../hooks/use-inbox-shortcuts";
import { statusActions, statusBadgeVariant } from "../../lib/conversation-status";
import { ContactPanel } from "../components/contact-panel";
import { ConversationAssignee } from "../components/conversation-assignee";
import { ConversationPresence } from "../components/conversation-presence";
import { ConversationRating } from "../components/conversation-rating";
import { MessageList } from "../components/message-list";
import { ReplyComposer } from "../components/reply-composer";
import { VoiceCallPanel } from "../components/voice-call-panel";
import { WhatsAppWindowClosed } from "../components/whatsapp-window-closed";

const SHORTCUT_KEYS = { escalated: "e", resolved: "Shift+R", unresolved: undefined } as const;

export function ConversationView({ conversationId }: { conversationId: Id<"conversations"> }) {
  const t = useTranslations("conversations");
  const errorMessage = useErrorMessage();
  const conversation = useQuery(api.private.conversations.get, { conversationId });
  const updateStatus = useMutation(api.private.conversations.updateStatus);
  const markRead = useMutation(api.private.conversations.markRead);
  const [error, setError] = useState<string | null>(null);
  const unread = conversation?.unreadByOperator ?? 0;
  const replyInput = useRef<HTMLTextAreaElement>(null);
  const actions = conversation ? statusActions(conversation.status) : [];
  const actionsRef = useRef<HTMLDivElement>(null);
  const refocusActions = useRef(false);
  const moveTo = (to: "escalated" | "resolved") => () => {
    if (actions.some((action) => action.to === to)) {
      void run(() => updateStatus({ conversationId, status: to }));
    }
  };
  useInboxShortcuts({
    reply: () => replyInput.current?.focus(),
    escalate: moveTo("escalated"),
    resolve: moveTo("resolved"),
  });

  // The clicked action is replaced by the new status's actions: keep the focus among them.
  const status = conversation?.status;
  useEffect(() => {
    if (!refocusActions.current) return;
    refocusActions.current = false;
    const active = document.activeElement;
    if (!active || active === document.body) {
      actionsRef.current?.querySelector<HTMLElement>("[data-status-action]")?.focus();
    }
  }, [status]);

  useEffect(() => {
    if (unread > 0) void markRead({ conversationId });
  }, [unread, conversationId, markRead]);

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  if (conversation === undefined) {
    return <div className="m-6 h-32 animate-pulse rounded-md bg-muted" aria-label={t("loading")} />;
  }

  // The same key as the inbox list's avatar, so a visitor keeps one color everywhere.
  const contactColorKey = conversation.contact.email ?? conversation.contact.name;
  const shortcutHint = (key: string | undefined) =>
    key ? t("shortcuts.hint", { key }) : undefined;
  return (
    <div className="flex h-[calc(100dvh-var(--dashboard-top-bar))] min-h-0">
      <section className="flex min-w-0 flex-1 flex-col" aria-label={t("thread")}>
        <header className="flex flex-wrap items-center gap-2 border-b p-3">
          <Link href="/conversations" className="text-sm underline md:hidden">
            {t("back")}
          </Link>
          <Avatar name={conversation.contact.name} colorKey={contactColorKey} />
          <h2 className="truncate font-semibold">{conversation.contact.name}</h2>
          <Badge
            variant={statusBadgeVariant(conversation.status)}
            data-testid="conversation-status"
          >
            {t(`status.${conversation.status}`)}
          </Badge>
          <div ref={actionsRef} className="ml-auto flex flex-wrap gap-2">
            <Dialog>
              <DialogTrigger asChild>
                <Button variant="ghost" size="sm" className="lg:hidden">
                  {t("contact.title")}
                </Button>
              </DialogTrigger>
              <DialogContent closeLabel={t("close")} className="overflow-y-auto">
                <DialogTitle className="sr-only">{t("contact.title")}</DialogTitle>
                <ContactPanel conversationId={conversationId} />
              </DialogContent>
            </Dialog>
            <ConversationAssignee
              conversationId={conversationId}
              assigneeId={conversation.assigneeId ?? null}
            />
            {actions.map((action) => (
              <Button
                key={action.to}
                data-status-action
                aria-keyshortcuts={SHORTCUT_KEYS[action.to]}
                title={shortcutHint(SHORTCUT_KEYS[action.to])}
                variant={action.to === "resolved" ? "default" : "outline"}
                size="sm"
                onClick={() => {
                  refocusActions.current = true;
                  void run(() => updateStatus({ conversationId, status: action.to }));
                }}
              >
                {t(`actions.${action.labelKey}`)}
              </Button>
            ))}
          </div>
          <ConversationTriage
            conversationId={conversationId}
            conversation={conversation}
            run={run}
          />
          <ConversationRating conversationId={conversationId} />
          {error ? (
            <p role="alert" className="w-full text-sm text-destructive">
              {error}
            </p>
          ) : null}
        </header>
        <div className="min-h-0 flex-1 overflow-y-auto">
          {conversation.voiceCall ? <VoiceCallPanel call={conversation.voiceCall} /> : null}
          <MessageList
            threadId={conversation.threadId}
            conversationId={conversation._id}
            contact={{ name: conversation.contact.name, colorKey: contactColorKey }}
          />
        </div>
        <ConversationPresence
          conversationId={conversationId}
          contactName={conversation.contact.name}
          lastMessage={conversation.lastMessage}
          unreadByContact={conversation.unreadByContact}
        />
        {conversation.channel === "voice" ? (
          // A caller has no chat to read a written reply in.
          <p className="border-t p-3 text-sm text-muted-foreground" data-testid="voice-no-reply">
            {t("voiceNoReply")}
          </p>
        ) : (
          <>
            {conversation.channel === "whatsapp" ? (
              <WhatsAppWindowClosed
                conversationId={conversationId}
                disabled={conversation.status === "resolved"}
              />
            ) : null}
            <ReplyComposer
              textareaRef={replyInput}
              conversationId={conversationId}
              disabled={conversation.status === "resolved"}
              handsOver={conversation.status === "unresolved"}
            />
          </>
        )}
      </section>
      <aside className="hidden w-72 shrink-0 overflow-y-auto border-l p-4 lg:block">
        <ContactPanel conversationId={conversationId} />
      </aside>
    </div>
  );
}
