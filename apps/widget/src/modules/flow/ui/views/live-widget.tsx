"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { widgetCopyFor } from "@echo/backend/convex/lib/widgetCopy";
import { useQuery } from "convex/react";
import { useAtomValue, useSetAtom } from "jotai";
import { useLocale, useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useEffect } from "react";

import type { Locale } from "@/i18n/locales";
import { WidgetIntl } from "@/i18n/widget-intl";
import { ConvexClientProvider } from "@/modules/convex/convex-client-provider";
import { SessionCheck } from "@/modules/loading/ui/components/session-check";
import { LoadingScreen } from "@/modules/loading/ui/views/loading-screen";
import { SelectionScreen } from "@/modules/selection/ui/views/selection-screen";
import { TeamStatusNotice } from "@/modules/team-status/ui/components/team-status-notice";
import {
  contactSessionAtom,
  convexUrlAtom,
  organizationIdAtom,
} from "@/modules/session/atoms/session-atoms";
import {
  useExpireSession,
  useSessionExpiryTimer,
} from "@/modules/session/hooks/use-session-expiry";

import { flowAtom } from "../../atoms/flow-atoms";
import { initialStateAtom } from "../../atoms/initial-state-atoms";
import { liveSettingsAtom } from "../../atoms/live-settings-atom";
import { useRememberResumePoint } from "../../hooks/use-remember-resume-point";
import { useUnreadBadge } from "../../hooks/use-unread-badge";

// Screens past the first choice load on demand, keeping this part small too.
const ChatScreen = dynamic(
  () => import("@/modules/chat/ui/views/chat-screen").then((m) => m.ChatScreen),
  { loading: LoadingScreen },
);
const InboxScreen = dynamic(
  () => import("@/modules/inbox/ui/views/inbox-screen").then((m) => m.InboxScreen),
  { loading: LoadingScreen },
);
const VoiceScreen = dynamic(
  () => import("@/modules/voice/ui/views/voice-screen").then((m) => m.VoiceScreen),
  { loading: LoadingScreen },
);
const ContactScreen = dynamic(
  () => import("@/modules/contact/ui/views/contact-screen").then((m) => m.ContactScreen),
  { loading: LoadingScreen },
);

/**
 * The widget's live part, loaded after hydration: next-intl's provider, the Convex client, the
 * session check, live settings and session expiry, and the screens once the visitor is identified.
 */
export function LiveWidget() {
  const url = useAtomValue(convexUrlAtom);
  return (
    <WidgetIntl>
      <ConvexClientProvider url={url}>
        <LiveScreens />
      </ConvexClientProvider>
    </WidgetIntl>
  );
}

function LiveScreens() {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const flow = useAtomValue(flowAtom);
  const organizationId = useAtomValue(organizationIdAtom);
  const session = useAtomValue(contactSessionAtom);
  const initialState = useAtomValue(initialStateAtom);
  const setLiveSettings = useSetAtom(liveSettingsAtom);

  const started = flow.screen !== "loading" && flow.screen !== "error";
  const organizationValid = started || initialState.organization?.valid === true;
  const liveSettings = useQuery(
    api.public.widgetSettings.get,
    organizationValid ? { organizationId } : "skip",
  );
  // Branding changes live through the query; the server's copy painted the first frame.
  useEffect(() => {
    if (liveSettings) setLiveSettings(liveSettings);
  }, [liveSettings, setLiveSettings]);
  const settings = liveSettings ?? initialState.settings ?? undefined;
  const voice = useQuery(api.public.voice.getConfig, started ? { organizationId } : "skip");
  const contactSessionId =
    started && session ? (session.contactSessionId as Id<"contactSessions">) : null;
  const identified = contactSessionId !== null && flow.screen !== "auth";
  useUnreadBadge(identified ? contactSessionId : null);
  useRememberResumePoint(identified ? contactSessionId : null);
  // Activity slides the expiry on the server; this live check follows it (and notices a purge).
  const liveSession = useQuery(
    api.public.contactSessions.validate,
    identified ? { contactSessionId, organizationId } : "skip",
  );
  const expire = useExpireSession();
  const lost = identified && liveSession?.valid === false;
  useEffect(() => {
    if (lost) expire();
  }, [lost, expire]);
  useSessionExpiryTimer(
    identified && session ? (liveSession?.valid ? liveSession.expiresAt : session.expiresAt) : null,
  );

  switch (flow.screen) {
    case "loading":
      return <SessionCheck />;
    case "error":
    case "auth":
      return null;
    default:
      if (!contactSessionId) return <LoadingScreen />;
      if (flow.screen === "selection")
        return (
          <>
            <TeamStatusNotice organizationId={organizationId} />
            <SelectionScreen contactSessionId={contactSessionId} voice={voice} />
          </>
        );
      if (flow.screen === "chat") {
        return settings ? (
          <>
            <TeamStatusNotice organizationId={organizationId} />
            <ChatScreen contactSessionId={contactSessionId} {...widgetCopyFor(settings, locale)} />
          </>
        ) : (
          <LoadingScreen />
        );
      }
      if (flow.screen === "inbox") return <InboxScreen contactSessionId={contactSessionId} />;
      if (flow.screen === "voice") {
        return voice?.enabled && voice.publicKey && voice.assistantId ? (
          <VoiceScreen publicKey={voice.publicKey} assistantId={voice.assistantId} />
        ) : (
          <p className="p-4 text-sm">{t("voice.unavailable")}</p>
        );
      }
      return voice?.phoneNumber ? (
        <ContactScreen phoneNumber={voice.phoneNumber} />
      ) : (
        <LoadingScreen />
      );
  }
}
