import type { GetServerSideProps } from "next";

import { type Locale } from "@/i18n/locales";
import { loadMessages, type Messages, requestLocale } from "@/i18n/request";
import { type ShellText, shellText } from "@/i18n/shell-text";
import { convexSiteUrl, convexUrl } from "@/modules/convex/convex-url";
import { type InitialState, loadInitialState } from "@/modules/flow/server/load-initial-state";
import { WidgetApp } from "@/modules/flow/ui/views/widget-app";

export type WidgetPageProps = {
  organizationId: string;
  convexUrl: string;
  convexSiteUrl: string;
  initialState: InitialState;
  locale: Locale;
  messages: Messages;
  timeZone: string;
  shellText: ShellText;
};

// The Pages Router keeps the shipped framework much smaller than the App Router's (see bench/).
export const getServerSideProps: GetServerSideProps<WidgetPageProps> = async ({ query, req }) => {
  const organizationId = typeof query.organizationId === "string" ? query.organizationId : "";
  const initialState = await loadInitialState(organizationId);
  const locale = requestLocale(
    typeof query.locale === "string" ? query.locale : null,
    initialState,
    req.headers["accept-language"],
  );
  const messages = await loadMessages(locale);
  const organizationName = initialState.organization?.valid ? initialState.organization.name : null;
  return {
    props: {
      organizationId,
      convexUrl: convexUrl(),
      convexSiteUrl: convexSiteUrl(),
      initialState,
      locale,
      messages,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      shellText: shellText(locale, messages, organizationName),
    },
  };
};

export default function WidgetPage({
  organizationId,
  convexUrl,
  convexSiteUrl,
  initialState,
  locale,
  messages,
  timeZone,
  shellText,
}: WidgetPageProps) {
  return (
    <WidgetApp
      convexUrl={convexUrl}
      convexSiteUrl={convexSiteUrl}
      organizationId={organizationId}
      initialState={initialState}
      intl={{ locale, messages, timeZone }}
      shellText={shellText}
    />
  );
}
