"use client";

import { useAtomValue, useSetAtom } from "jotai";
import { useTranslations } from "next-intl";
import { useCallback, useEffect } from "react";

import { hostPageAtom } from "@/modules/embed/atoms/embed-atoms";
import type { ErrorCode } from "@/modules/errors/lib/error-code";
import { flowAtom } from "@/modules/flow/atoms/flow-atoms";
import {
  contactSessionAtom,
  convexSiteUrlAtom,
  organizationIdAtom,
} from "@/modules/session/atoms/session-atoms";
import { collectBrowserMetadata } from "@/modules/session/lib/browser-metadata";
import {
  ContactSessionError,
  createContactSession,
} from "@/modules/session/lib/create-contact-session";
import { prepareSessionProof } from "@/modules/session/lib/session-proof";

import type { ContactForm } from "../../lib/contact-form";
import { AuthForm } from "../components/auth-form";

export function AuthScreen({ expired }: { expired: boolean }) {
  const organizationId = useAtomValue(organizationIdAtom);
  const hostPage = useAtomValue(hostPageAtom);
  const setSession = useSetAtom(contactSessionAtom);
  const dispatch = useSetAtom(flowAtom);
  const siteUrl = useAtomValue(convexSiteUrlAtom);
  const tErrors = useTranslations("errors");

  useEffect(() => {
    if (organizationId) prepareSessionProof(siteUrl, organizationId);
  }, [organizationId, siteUrl]);

  const submit = useCallback(
    async ({ name, email }: ContactForm) => {
      try {
        const session = await createContactSession(siteUrl, {
          organizationId,
          name,
          email,
          metadata: collectBrowserMetadata(window, hostPage),
        });
        setSession(session);
        dispatch({ type: "authenticated" });
        return null;
      } catch (error) {
        console.error("contact session creation failed", error);
        // Every backend code has a message (i18n/messages.test.ts), so this keeps the known ones.
        const code = error instanceof ContactSessionError ? error.code : "UNKNOWN";
        return (tErrors.has(code) ? code : "UNKNOWN") as ErrorCode;
      }
    },
    [dispatch, hostPage, organizationId, setSession, siteUrl, tErrors],
  );

  return <AuthForm expired={expired} onSubmit={submit} />;
}
