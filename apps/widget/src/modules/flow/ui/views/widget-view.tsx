"use client";

import { useAtom, useAtomValue } from "jotai";
import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import type { ReactNode } from "react";

import { AuthScreen } from "@/modules/auth/ui/views/auth-screen";
import { brandStyle } from "@/modules/branding/lib/brand-style";
import {
  useCloseWidget,
  useEmbedBridge,
  usePostPosition,
} from "@/modules/embed/hooks/use-embed-bridge";
import { WidgetFrame } from "@/modules/embed/ui/components/widget-frame";
import { ErrorScreen } from "@/modules/error/ui/views/error-screen";
import { LoadingScreen } from "@/modules/loading/ui/views/loading-screen";
import { organizationNameAtom } from "@/modules/session/atoms/organization-atoms";
import { contactSessionAtom } from "@/modules/session/atoms/session-atoms";

import { flowAtom } from "../../atoms/flow-atoms";
import { initialStateAtom } from "../../atoms/initial-state-atoms";
import { liveSettingsAtom } from "../../atoms/live-settings-atom";
import { ScreenErrorBoundary } from "../components/screen-error-boundary";
import { WidgetHeader } from "../components/widget-header";

/** While the live part loads: a spinner where one of its screens belongs, else nothing. */
function LiveLoading() {
  const { screen } = useAtomValue(flowAtom);
  return screen === "loading" || screen === "error" || screen === "auth" ? null : <LoadingScreen />;
}

// The Convex client and everything that needs it load after hydration, outside the first load;
// the first paint (branding, auth form, known errors) needs only what the server rendered.
const LiveWidget = dynamic(() => import("./live-widget").then((m) => m.LiveWidget), {
  ssr: false,
  loading: LiveLoading,
});

const SCREEN_TITLES = {
  chat: "chat.title",
  inbox: "inbox.title",
  voice: "voice.title",
  contact: "contact.title",
} as const;

/** The widget: one screen at a time, branded live from the organization's settings. */
export function WidgetView() {
  useEmbedBridge();
  const t = useTranslations();
  const [flow, dispatch] = useAtom(flowAtom);
  const organizationName = useAtomValue(organizationNameAtom);
  const session = useAtomValue(contactSessionAtom);
  const initialState = useAtomValue(initialStateAtom);
  const settings = useAtomValue(liveSettingsAtom) ?? initialState.settings ?? undefined;
  const close = useCloseWidget();
  // The loader shows its launcher once it knows the corner; an error screen still needs one.
  usePostPosition(settings?.position ?? (flow.screen === "error" ? "bottom-right" : null));

  let screen: ReactNode = null;
  if (flow.screen === "loading") {
    // A first-time visitor of a known organization sees the auth form from the first paint;
    // the same element stays mounted when the check confirms there is no stored session.
    screen =
      initialState.organization?.valid && !session ? (
        <AuthScreen expired={false} precheck />
      ) : (
        <LoadingScreen />
      );
  } else if (flow.screen === "error") {
    screen = (
      <ErrorScreen
        error={flow.error ?? "UNAVAILABLE"}
        onRetry={() => dispatch({ type: "retry" })}
      />
    );
  } else if (flow.screen === "auth") {
    screen = <AuthScreen expired={flow.notice === "SESSION_EXPIRED"} />;
  }

  const titleKey =
    flow.screen in SCREEN_TITLES ? SCREEN_TITLES[flow.screen as keyof typeof SCREEN_TITLES] : null;
  const title = titleKey ? t(titleKey) : (organizationName ?? t("widget.title"));
  const started = flow.screen !== "loading" && flow.screen !== "error";
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
          {screen}
          <LiveWidget />
        </ScreenErrorBoundary>
      </main>
      {settings?.assistantMode === "retrieval" && flow.screen === "chat" ? (
        <p className="px-3 pb-2 text-center text-xs">{t("widget.retrievalMode")}</p>
      ) : null}
    </WidgetFrame>
  );
}
