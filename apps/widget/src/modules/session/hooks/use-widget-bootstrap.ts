"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { useMutation, useQuery } from "convex/react";
import { useAtom, useAtomValue, useSetAtom } from "jotai";
import { useEffect, useRef } from "react";

import { flowAtom } from "@/modules/flow/atoms/flow-atoms";
import { initialStateAtom } from "@/modules/flow/atoms/initial-state-atoms";
import { readResumePoint } from "@/modules/flow/lib/resume-point";

import { organizationNameAtom } from "../atoms/organization-atoms";
import { contactSessionAtom, organizationIdAtom } from "../atoms/session-atoms";
import { browserStorage } from "../lib/contact-session-storage";

/** How long the loading screen waits for the backend before saying it is unreachable. */
const UNAVAILABLE_AFTER_MS = 15_000;

/** The loading screen's work: check the organization and any stored session, then move on. */
export function useWidgetBootstrap() {
  const organizationId = useAtomValue(organizationIdAtom);
  const [session, setSession] = useAtom(contactSessionAtom);
  const dispatch = useSetAtom(flowAtom);
  const setOrganizationName = useSetAtom(organizationNameAtom);
  const refresh = useMutation(api.public.contactSessions.refresh);
  const settled = useRef(false);

  const known = useAtomValue(initialStateAtom).organization;
  const checked = useQuery(
    api.public.organizations.validate,
    organizationId && !known ? { organizationId } : "skip",
  );
  const organization = known ?? checked;
  const sessionCheck = useQuery(
    api.public.contactSessions.validate,
    organizationId && session
      ? { organizationId, contactSessionId: session.contactSessionId as Id<"contactSessions"> }
      : "skip",
  );

  useEffect(() => {
    setSession("load");
  }, [setSession]);

  useEffect(() => {
    if (!organizationId) {
      dispatch({ type: "failed", error: "MISSING_ORGANIZATION" });
      return;
    }
    const timer = window.setTimeout(
      () => dispatch({ type: "failed", error: "UNAVAILABLE" }),
      UNAVAILABLE_AFTER_MS,
    );
    return () => window.clearTimeout(timer);
  }, [organizationId, dispatch]);

  useEffect(() => {
    if (settled.current || organization === undefined || session === undefined) return;
    if (!organization.valid) {
      settled.current = true;
      dispatch({ type: "loaded", organization: "not_found", session: "missing" });
      return;
    }
    setOrganizationName(organization.name);
    if (session === null) {
      settled.current = true;
      dispatch({ type: "loaded", organization: "valid", session: "missing" });
      return;
    }
    if (sessionCheck === undefined) return;
    settled.current = true;
    if (sessionCheck.valid) {
      const resumeTo = readResumePoint(browserStorage(), organizationId, session.contactSessionId);
      dispatch({
        type: "loaded",
        organization: "valid",
        session: "valid",
        ...(resumeTo ? { conversationId: resumeTo } : {}),
      });
      refresh({ contactSessionId: session.contactSessionId as Id<"contactSessions"> })
        .then(({ expiresAt }) => setSession({ ...session, expiresAt }))
        .catch(() => undefined); // the session was valid a moment ago; the next action will tell
      return;
    }
    setSession(null);
    dispatch({
      type: "loaded",
      organization: "valid",
      session: sessionCheck.reason === "SESSION_EXPIRED" ? "expired" : "missing",
    });
  }, [
    organization,
    organizationId,
    session,
    sessionCheck,
    dispatch,
    refresh,
    setSession,
    setOrganizationName,
  ]);
}
