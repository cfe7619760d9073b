"use client";

import { Provider } from "jotai";
import { useHydrateAtoms } from "jotai/utils";
import type { ReactNode } from "react";

import { type IntlConfig, intlAtom, shellTextAtom } from "@/i18n/intl-atoms";
import type { ShellText } from "@/i18n/shell-text";
import { organizationNameAtom } from "@/modules/session/atoms/organization-atoms";
import {
  convexSiteUrlAtom,
  convexUrlAtom,
  organizationIdAtom,
} from "@/modules/session/atoms/session-atoms";

import { flowAtom } from "../../atoms/flow-atoms";
import { initialStateAtom } from "../../atoms/initial-state-atoms";
import type { FlowAction, FlowError } from "../../lib/screen-flow";
import type { InitialState } from "../../server/load-initial-state";
import { WidgetView } from "./widget-view";

/** A missing or unknown organization is known on the server, so its message needs no JavaScript. */
function knownFailure(organizationId: string, initialState: InitialState): FlowError | null {
  if (!organizationId) return "MISSING_ORGANIZATION";
  return initialState.organization?.valid === false ? "ORGANIZATION_NOT_FOUND" : null;
}

function Hydrate({
  organizationId,
  convexUrl,
  convexSiteUrl,
  initialState,
  intl,
  shellText,
  children,
}: {
  organizationId: string;
  convexUrl: string;
  convexSiteUrl: string;
  initialState: InitialState;
  intl: IntlConfig;
  shellText: ShellText;
  children: ReactNode;
}) {
  useHydrateAtoms([[intlAtom, intl]]);
  useHydrateAtoms([[shellTextAtom, shellText]]);
  useHydrateAtoms([[organizationIdAtom, organizationId]]);
  useHydrateAtoms([[convexUrlAtom, convexUrl]]);
  useHydrateAtoms([[convexSiteUrlAtom, convexSiteUrl]]);
  useHydrateAtoms([[initialStateAtom, initialState]]);
  useHydrateAtoms([
    [
      organizationNameAtom,
      initialState.organization?.valid ? initialState.organization.name : null,
    ],
  ]);
  const failure = knownFailure(organizationId, initialState);
  // flowAtom is a reducer atom: hydrating it dispatches this action into the initial state.
  useHydrateAtoms(
    new Map<typeof flowAtom, FlowAction>(
      failure ? [[flowAtom, { type: "failed", error: failure }]] : [],
    ),
  );
  return children;
}

/** Client root: a store per frame and what the server already knew (Convex joins in WidgetView). */
export function WidgetApp({
  convexUrl,
  convexSiteUrl,
  organizationId,
  initialState,
  intl,
  shellText,
}: {
  convexUrl: string;
  convexSiteUrl: string;
  organizationId: string;
  initialState: InitialState;
  intl: IntlConfig;
  shellText: ShellText;
}) {
  return (
    <Provider>
      <Hydrate
        organizationId={organizationId}
        convexUrl={convexUrl}
        convexSiteUrl={convexSiteUrl}
        initialState={initialState}
        intl={intl}
        shellText={shellText}
      >
        <WidgetView />
      </Hydrate>
    </Provider>
  );
}
