"use client";

import { useAtomValue, useSetAtom } from "jotai";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";

import { hostPageAtom, visitorIdentityAtom } from "@/modules/embed/atoms/embed-atoms";
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
  const identity = useAtomValue(visitorIdentityAtom);
  const setSession = useSetAtom(contactSessionAtom);
  const dispatch = useSetAtom(flowAtom);
  const siteUrl = useAtomValue(convexSiteUrlAtom);
  const tErrors = useTranslations("errors");
  const t = useTranslations("signedIdentity");
  // The signed identity each attempt was for: one try per identity, then the form.
  const tried = useRef<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);

  useEffect(() => {
    if (organizationId) prepareSessionProof(siteUrl, organizationId);
  }, [organizationId, siteUrl]);

  const start = useCallback(
    async (contact: ContactForm | null): Promise<ErrorCode | null> => {
      try {
        const session = await createContactSession(siteUrl, {
          organizationId,
          ...contact,
          ...(identity ? { identity } : {}),
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
    [dispatch, hostPage, identity, organizationId, setSession, siteUrl, tErrors],
  );

  // A visitor the host page signed in skips the form; a refused identity leaves the form to them.
  useEffect(() => {
    if (!identity || !organizationId || tried.current === identity.hash) return;
    tried.current = identity.hash;
    setSigningIn(true);
    void start(null).then((error) => {
      if (error) prepareSessionProof(siteUrl, organizationId);
      setSigningIn(false);
    });
  }, [identity, organizationId, siteUrl, start]);

  if (signingIn) {
    return (
      <p role="status" className="p-6 text-center text-sm text-muted-foreground">
        {t("signingIn")}
      </p>
    );
  }
  return <AuthForm expired={expired} onSubmit={start} />;
}
