"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { useQuery } from "convex/react";
import { useAtom, useAtomValue } from "jotai";
import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { type ReactNode, useEffect } from "react";

import { AuthScreen } from "@/modules/auth/ui/views/auth-screen";
import { brandStyle } from "@/modules/branding/lib/brand-style";
import {
  useCloseWidget,
  useEmbedBridge,
  usePostPosition,
} from "@/modules/embed/hooks/use-embed-bridge";
import { WidgetFrame } from "@/modules/embed/ui/components/widget-frame";
import { ErrorScreen } from "@/modules/error/ui/views/error-screen";
import { LoadingIndicator } from "@/modules/loading/ui/components/loading-indicator";
import { SessionCheck } from "@/modules/loading/ui/components/session-check";
import { LoadingScreen } from "@/modules/loading/ui/views/loading-screen";
import { SelectionScreen } from "@/modules/selection/ui/views/selection-screen";
import { organizationNameAtom } from "@/modules/session/atoms/organization-atoms";
import { contactSessionAtom, organizationIdAtom } from "@/modules/session/atoms/session-atoms";
import {
  useExpireSession,
  useSessionExpiryTimer,
} from "@/modules/session/hooks/use-session-expiry";

import { flowAtom } from "../../atoms/flow-atoms";
import { initialStateAtom } from "../../atoms/initial-state-atoms";
import { useUnreadBadge } from "../../hooks/use-unread-badge";
import { ScreenErrorBoundary } from "../components/screen-error-boundary";
import { WidgetHeader } from "../components/widget-header";

function ScreenLoading() {
  const t = useTranslations("widget");
  return <LoadingIndicator label={t("loading")} />;
}

// Screens past the first choice load on demand, keeping the first load small.
const ChatScreen = dynamic(
  () => import("@/modules/chat/ui/views/chat-screen").then((m) => m.ChatScreen),
  {
    loading: ScreenLoading,
  },
);
const InboxScreen = dynamic(
  () => import("@/modules/inbox/ui/views/inbox-screen").then((m) => m.InboxScreen),
  {
    loading: ScreenLoading,
  },
);
const VoiceScreen = dynamic(
  () => import("@/modules/voice/ui/views/voice-screen").then((m) => m.VoiceScreen),
  {
    loading: ScreenLoading,
  },
);
const ContactScreen = dynamic(
  () => import("@/modules/contact/ui/views/contact-screen").then((m) => m.ContactScreen),
  { loading: ScreenLoading },
);

/** The widget: one screen at a time, branded live from the organization's settings. */
export function WidgetView() {
  useEmbedBridge();
  const t = useTranslations();
  const [flow, dispatch] = useAtom(flowAtom);
  const organizationId = useAtomValue(organizationIdAtom);
  const organizationName = useAtomValue(organizationNameAtom);
  const session = useAtomValue(contactSessionAtom);
  const close = useCloseWidget();

  const initialState = useAtomValue(initialStateAtom);
  const started = flow.screen !== "loading" && flow.screen !== "error";
  const organizationValid = started || initialState.organization?.valid === true;
  const liveSettings = useQuery(
    api.public.widgetSettings.get,
    organizationValid ? { organizationId } : "skip",
  );
  // Branding changes live through the query; the server's copy paints the first frame.
  const settings = liveSettings ?? initialState.settings ?? undefined;
  // The loader shows its launcher once it knows the corner; an error screen still needs one.
  usePostPosition(settings?.position ?? (flow.screen === "error" ? "bottom-right" : null));
  const voice = useQuery(api.public.voice.getConfig, started ? { organizationId } : "skip");
  const contactSessionId =
    started && session ? (session.contactSessionId as Id<"contactSessions">) : null;
  const identified = contactSessionId !== null && flow.screen !== "auth";
  useUnreadBadge(identified ? contactSessionId : null);
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

  let title = organizationName ?? t("widget.title");
  let screen: ReactNode;
  switch (flow.screen) {
    case "loading":
      // A first-time visitor of a known organization sees the auth form from the first paint;
      // the same element stays mounted when the check confirms there is no stored session.
      screen =
        initialState.organization?.valid && !session ? (
          <AuthScreen expired={false} precheck />
        ) : (
          <LoadingScreen />
        );
      break;
    case "error":
      screen = (
        <ErrorScreen
          error={flow.error ?? "UNAVAILABLE"}
          onRetry={() => dispatch({ type: "retry" })}
        />
      );
      break;
    case "auth":
      screen = <AuthScreen expired={flow.notice === "SESSION_EXPIRED"} />;
      break;
    default:
      if (!contactSessionId) {
        screen = <ScreenLoading />;
        break;
      }
      if (flow.screen === "selection") {
        screen = <SelectionScreen contactSessionId={contactSessionId} voice={voice} />;
      } else if (flow.screen === "chat") {
        title = t("chat.title");
        screen = settings ? (
          <ChatScreen
            contactSessionId={contactSessionId}
            greeting={settings.greeting}
            suggestions={settings.suggestions}
          />
        ) : (
          <ScreenLoading />
        );
      } else if (flow.screen === "inbox") {
        title = t("inbox.title");
        screen = <InboxScreen contactSessionId={contactSessionId} />;
      } else if (flow.screen === "voice") {
        title = t("voice.title");
        screen =
          voice?.enabled && voice.publicKey && voice.assistantId ? (
            <VoiceScreen publicKey={voice.publicKey} assistantId={voice.assistantId} />
          ) : (
            <p className="p-4 text-sm">{t("voice.unavailable")}</p>
          );
      } else {
        title = t("contact.title");
        screen = voice?.phoneNumber ? (
          <ContactScreen phoneNumber={voice.phoneNumber} />
        ) : (
          <ScreenLoading />
        );
      }
  }

  const canGoBack = started && flow.screen !== "auth" && flow.screen !== "selection";
  return (
    <WidgetFrame onClose={close} style={brandStyle(settings?.colors)}>
      <WidgetHeader
        title={title}
        logoUrl={settings?.logoUrl}
        organizationName={organizationName}
        onBack={canGoBack ? () => dispatch({ type: "back" }) : undefined}
        onClose={close}
      />
      <main className="flex min-h-0 flex-1 flex-col">
        <ScreenErrorBoundary
          onRetry={() => dispatch({ type: "retry" })}
          fallback={(retry) => <ErrorScreen error="UNEXPECTED" onRetry={retry} />}
        >
          {flow.screen === "loading" ? <SessionCheck /> : null}
          {screen}
        </ScreenErrorBoundary>
      </main>
      {settings?.assistantMode === "retrieval" && flow.screen === "chat" ? (
        <p className="px-3 pb-2 text-center text-xs">{t("widget.retrievalMode")}</p>
      ) : null}
    </WidgetFrame>
  );
}
