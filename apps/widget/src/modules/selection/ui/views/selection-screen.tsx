"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Button } from "@echo/ui/components/button";
import { useQuery } from "convex/react";
import { useSetAtom } from "jotai";
import { History, Inbox, MessageCircle, Mic, Phone } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

import { flowAtom } from "@/modules/flow/atoms/flow-atoms";

type VoiceConfig = {
  enabled: boolean;
  assistantId: string | null;
  phoneNumber: string | null;
  publicKey: string | null;
};

/** The visitor's choices once identified; voice and phone appear only when configured. */
export function SelectionScreen({
  contactSessionId,
  voice,
}: {
  contactSessionId: Id<"contactSessions">;
  voice: VoiceConfig | undefined;
}) {
  const t = useTranslations("selection");
  const dispatch = useSetAtom(flowAtom);
  const latest = useQuery(api.public.conversations.listOwn, {
    contactSessionId,
    paginationOpts: { numItems: 1, cursor: null },
  });
  const last = latest?.page[0];
  const choices = useRef<HTMLElement>(null);

  useEffect(() => {
    // Arriving from the form, whose button is gone, the keyboard starts on the first choice.
    const active = document.activeElement;
    if (!active || active === document.body) choices.current?.querySelector("button")?.focus();
  }, []);

  return (
    <nav ref={choices} aria-label={t("title")} className="flex flex-col gap-3 p-4">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <Button
        size="lg"
        className="justify-start"
        onClick={() => dispatch({ type: "startConversation" })}
      >
        <MessageCircle aria-hidden />
        {t("startChat")}
      </Button>
      {last && last.status !== "resolved" && last.channel === "chat" ? (
        <Button
          size="lg"
          variant="outline"
          className="justify-start"
          onClick={() => dispatch({ type: "openConversation", conversationId: last._id })}
        >
          <History aria-hidden />
          {t("continue")}
        </Button>
      ) : null}
      {voice?.enabled && voice.assistantId && voice.publicKey ? (
        <Button
          size="lg"
          variant="outline"
          className="justify-start"
          onClick={() => dispatch({ type: "navigate", screen: "voice" })}
        >
          <Mic aria-hidden />
          {t("voiceCall")}
        </Button>
      ) : null}
      {voice?.phoneNumber ? (
        <Button
          size="lg"
          variant="outline"
          className="justify-start"
          onClick={() => dispatch({ type: "navigate", screen: "contact" })}
        >
          <Phone aria-hidden />
          {t("callUs")}
        </Button>
      ) : null}
      {last ? (
        <Button
          size="lg"
          variant="outline"
          className="justify-start"
          onClick={() => dispatch({ type: "navigate", screen: "inbox" })}
        >
          <Inbox aria-hidden />
          {t("inbox")}
        </Button>
      ) : null}
    </nav>
  );
}
