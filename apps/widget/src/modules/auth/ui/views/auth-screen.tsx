"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { useMutation } from "convex/react";
import { useAtomValue, useSetAtom } from "jotai";
import { useCallback } from "react";

import { hostPageAtom } from "@/modules/embed/atoms/embed-atoms";
import { errorCodeOf } from "@/modules/errors/lib/error-code";
import { flowAtom } from "@/modules/flow/atoms/flow-atoms";
import { contactSessionAtom, organizationIdAtom } from "@/modules/session/atoms/session-atoms";
import { collectBrowserMetadata } from "@/modules/session/lib/browser-metadata";

import type { ContactForm } from "../../lib/contact-form";
import { AuthForm } from "../components/auth-form";

/** `precheck`: shown while the stored-session check is still running (see SessionCheck). */
export function AuthScreen({
  expired,
  precheck = false,
}: {
  expired: boolean;
  precheck?: boolean;
}) {
  const organizationId = useAtomValue(organizationIdAtom);
  const hostPage = useAtomValue(hostPageAtom);
  const setSession = useSetAtom(contactSessionAtom);
  const dispatch = useSetAtom(flowAtom);
  const create = useMutation(api.public.contactSessions.create);

  const submit = useCallback(
    async ({ name, email }: ContactForm) => {
      try {
        const session = await create({
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
        return errorCodeOf(error);
      }
    },
    [create, dispatch, hostPage, organizationId, setSession],
  );

  return <AuthForm expired={expired} precheck={precheck} onSubmit={submit} />;
}
