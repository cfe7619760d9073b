import type { GetServerSideProps } from "next";
import Head from "next/head";

import { type Locale } from "@/i18n/locales";
import { loadMessages, type Messages, requestLocale } from "@/i18n/request";
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
  return {
    props: {
      organizationId,
      convexUrl: convexUrl(),
      convexSiteUrl: convexSiteUrl(),
      initialState,
      locale,
      messages: await loadMessages(locale),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    },
  };
};

export default function WidgetPage({
  organizationId,
  convexUrl,
  convexSiteUrl,
  initialState,
}: WidgetPageProps) {
  const name = initialState.organization?.valid ? initialState.organization.name : null;
  return (
    <>
      <Head>
        <title>{name ? `${name} · Echo` : "Echo widget"}</title>
      </Head>
      <WidgetApp
        convexUrl={convexUrl}
        convexSiteUrl={convexSiteUrl}
        organizationId={organizationId}
        initialState={initialState}
      />
    </>
  );
}
