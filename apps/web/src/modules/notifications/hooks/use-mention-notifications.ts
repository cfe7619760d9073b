"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

import { useRouter } from "@/i18n/navigation";

import { playChime } from "../lib/chime";
import { type Mention, newMentions } from "../lib/new-mentions";

/** A browser notification (and the chime, if chosen) when a teammate @mentions me in a note. */
export function useMentionNotifications() {
  const t = useTranslations("notes");
  const router = useRouter();
  const mentions = useQuery(api.private.notes.mentions);
  const preferences = useQuery(api.private.notificationPreferences.get);
  const previous = useRef<Mention[] | null>(null);

  useEffect(() => {
    if (!mentions) return;
    const fresh = newMentions(previous.current, mentions);
    previous.current = mentions;
    if (fresh.length === 0) return;
    if (preferences?.sound) playChime();
    if (!("Notification" in window) || Notification.permission !== "granted") return;
    for (const mention of fresh) {
      const notification = new Notification(
        t("mentionTitle", { author: mention.authorName, name: mention.contactName }),
        { body: mention.text, tag: `mention:${mention._id}` },
      );
      notification.onclick = () => {
        window.focus();
        router.push(`/conversations/${mention.conversationId}`);
        notification.close();
      };
    }
  }, [mentions, preferences?.sound, router, t]);
}
