"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

import { useRouter } from "@/i18n/navigation";

import { attentionEvents, titleWithUnread, type AttentionSnapshot } from "../lib/attention-events";
import { playChime } from "../lib/chime";

/**
 * Watches the member's escalations and assigned conversations: shows a browser notification (and
 * plays the chime, if chosen) for each new one, and keeps the unread count in the tab's title.
 */
export function useAttentionNotifications() {
  const t = useTranslations("notifications");
  const router = useRouter();
  const attention = useQuery(api.private.notifications.attention);
  const previous = useRef<AttentionSnapshot | null>(null);

  useEffect(() => {
    if (!attention) return;
    const events = attentionEvents(previous.current, attention);
    previous.current = attention;
    const { preferences } = attention;
    const wanted = events.filter((event) =>
      event.kind === "escalation"
        ? preferences.browserOnEscalation
        : preferences.browserOnAssignedMessage,
    );
    if (wanted.length === 0) return;
    if (preferences.sound) playChime();
    if (!("Notification" in window) || Notification.permission !== "granted") return;
    for (const { kind, conversation } of wanted) {
      const title =
        kind === "escalation"
          ? t("escalationTitle", { name: conversation.contactName })
          : t("messageTitle", { name: conversation.contactName });
      const notification = new Notification(title, {
        body: conversation.lastMessage?.text ?? "",
        tag: `${kind}:${conversation._id}`,
      });
      notification.onclick = () => {
        window.focus();
        router.push(`/conversations/${conversation._id}`);
        notification.close();
      };
    }
  }, [attention, router, t]);

  const unread = attention?.unread ?? 0;
  useEffect(() => {
    const apply = () => {
      const next = titleWithUnread(document.title, unread);
      if (next !== document.title) document.title = next;
    };
    apply();
    // Each page sets its own title on navigation; the count goes back in front of it.
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = titleWithUnread(document.title, 0);
    };
  }, [unread]);
}
