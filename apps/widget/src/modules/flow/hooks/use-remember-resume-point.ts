"use client";

import { useAtomValue } from "jotai";
import { useEffect } from "react";

import { organizationIdAtom } from "@/modules/session/atoms/session-atoms";
import { browserStorage } from "@/modules/session/lib/contact-session-storage";

import { flowAtom } from "../atoms/flow-atoms";
import { rememberResumePoint } from "../lib/resume-point";

/** Keeps the conversation on screen as the place the widget reopens at, on this or the next page. */
export function useRememberResumePoint(contactSessionId: string | null) {
  const organizationId = useAtomValue(organizationIdAtom);
  const { screen, conversationId } = useAtomValue(flowAtom);
  useEffect(() => {
    if (!contactSessionId) return;
    rememberResumePoint(browserStorage(), organizationId, contactSessionId, {
      screen,
      conversationId,
    });
  }, [organizationId, contactSessionId, screen, conversationId]);
}
