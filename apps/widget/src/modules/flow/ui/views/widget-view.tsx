"use client";

import { useAtom, useAtomValue } from "jotai";
import { lazy, memo, type ReactNode, Suspense, useCallback, useEffect } from "react";

import { useShellText } from "@/i18n/use-shell-text";
import { brandStyle } from "@/modules/branding/lib/brand-style";
import { useCloseWidget, useEmbedBridge } from "@/modules/embed/hooks/use-embed-bridge";
import { WidgetFrame } from "@/modules/embed/ui/components/widget-frame";
import { LoadingScreen } from "@/modules/loading/ui/views/loading-screen";
import { organizationNameAtom } from "@/modules/session/atoms/organization-atoms";
import { contactSessionAtom } from "@/modules/session/atoms/session-atoms";
import { clearStoredSessionMark } from "@/modules/session/lib/stored-session-probe";

import { flowAtom } from "../../atoms/flow-atoms";
import { initialStateAtom } from "../../atoms/initial-state-atoms";
import { liveSettingsAtom } from "../../atoms/live-settings-atom";
import type { FlowError } from "../../lib/screen-flow";
import { useHydrated } from "@echo/ui/lib/use-hydrated";
import { ScreenErrorBoundary } from "../components/screen-error-boundary";
import { WidgetHeader } from "../components/widget-header";

/** While the live part loads: a spinner where one of its screens belongs, else nothing. */
function LiveLoading() {
  const { screen } = useAtomValue(flowAtom);
  return screen === "loading" || screen === "error" || screen === "auth" ? null : <LoadingScreen />;
}

// The Convex client and everything that needs it load after hydration, outside the first load;
// the first paint (branding, auth form, known errors) needs only what the server rendered.
const LiveWidget = lazy(() => import("./live-widget").then((m) => ({ default: m.LiveWidget })));

// The auth form and the error messages are rendered on the server, so they are on screen at once,
// and hydrate from their own chunk: the first load carries neither their form controls nor
// next-intl, and a returning visitor never downloads the form.
const AuthScreen = lazy(() =>
  import("./translated-screens").then((m) => ({ default: m.TranslatedAuthScreen })),
);
const ErrorScreen = lazy(() =>
  import("./translated-screens").then((m) => ({ default: m.TranslatedErrorScreen })),
);

/** "live": one of the screens LiveWidget renders, so nothing here. */
type ServerScreenKind = "auth" | "loading" | "error" | "live";

/**
 * The screens the server paints. Until its chunk arrives, React keeps a lazy screen's server HTML
 * only while nothing re-renders its boundary; re-rendered early, the boundary throws that HTML
 * away, with whatever the visitor has typed into the auth form, and shows the fallback instead.
 * So the boundary renders again only when these props change, never because the widget around
 * it did (the embed bridge opening, the host page's init, the check confirming the form).
 */
const ServerScreen = memo(function ServerScreen({
  kind,
  expired,
  error,
  onRetry,
}: {
  kind: ServerScreenKind;
  expired: boolean;
  error: FlowError;
  onRetry: () => void;
}) {
  let content: ReactNode = null;
  if (kind === "auth") content = <AuthScreen expired={expired} />;
  else if (kind === "loading") content = <LoadingScreen />;
  else if (kind === "error") content = <ErrorScreen error={error} onRetry={onRetry} />;
  return <Suspense fallback={<LoadingScreen />}>{content}</Suspense>;
});

const TITLED_SCREENS = ["chat", "inbox", "voice", "contact"] as const;
type TitledScreen = (typeof TITLED_SCREENS)[number];
const isTitled = (screen: string): screen is TitledScreen =>
  (TITLED_SCREENS as readonly string[]).includes(screen);

/** The widget: one screen at a time, branded live from the organization's settings. */
export function WidgetView() {
  useEmbedBridge();
  const text = useShellText();
  const [flow, dispatch] = useAtom(flowAtom);
  const organizationName = useAtomValue(organizationNameAtom);
  const session = useAtomValue(contactSessionAtom);
  const initialState = useAtomValue(initialStateAtom);
  const settings = useAtomValue(liveSettingsAtom) ?? initialState.settings ?? undefined;
  const close = useCloseWidget();
  const hydrated = useHydrated();

  const checking = flow.screen === "loading";
  useEffect(() => {
    if (!checking) clearStoredSessionMark(document);
  }, [checking]);
  const retry = useCallback(() => dispatch({ type: "retry" }), [dispatch]);

  // A first-time visitor of a known organization sees the auth form from the first paint; the
  // same form stays when the check confirms there is no stored session.
  let kind: ServerScreenKind = "live";
  if (flow.screen === "loading") {
    kind = initialState.organization?.valid && !session ? "auth" : "loading";
  } else if (flow.screen === "auth" || flow.screen === "error") {
    kind = flow.screen;
  }

  // The organization's name heads every screen; the screen itself is named under it.
  const title = organizationName ?? text.title;
  const subtitle = isTitled(flow.screen) ? text.screenTitles[flow.screen] : undefined;
  const started = flow.screen !== "loading" && flow.screen !== "error";
  const canGoBack = started && flow.screen !== "auth" && flow.screen !== "selection";
  return (
    <WidgetFrame
      label={organizationName ?? text.title}
      onClose={close}
      style={brandStyle(settings?.colors)}
    >
      <WidgetHeader
        title={title}
        subtitle={subtitle}
        logoUrl={settings?.logoUrl}
        text={text}
        onBack={canGoBack ? () => dispatch({ type: "back" }) : undefined}
        onClose={close}
      />
      <main className="flex min-h-0 flex-1 flex-col">
        <ScreenErrorBoundary
          onRetry={retry}
          fallback={(retryScreen) => (
            <Suspense fallback={<LoadingScreen />}>
              <ErrorScreen error="UNEXPECTED" onRetry={retryScreen} />
            </Suspense>
          )}
        >
          <ServerScreen
            kind={kind}
            expired={kind === "auth" && flow.notice === "SESSION_EXPIRED"}
            error={flow.error ?? "UNAVAILABLE"}
            onRetry={retry}
          />
          {hydrated ? (
            <Suspense fallback={<LiveLoading />}>
              <LiveWidget />
            </Suspense>
          ) : null}
        </ScreenErrorBoundary>
      </main>
      {settings?.assistantMode === "retrieval" && flow.screen === "chat" ? (
        <p className="px-3 pb-2 text-center text-xs">{text.retrievalMode}</p>
      ) : null}
    </WidgetFrame>
  );
}
