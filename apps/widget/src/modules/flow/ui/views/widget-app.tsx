"use client";

import { Provider, useAtomValue } from "jotai";
import { useHydrateAtoms } from "jotai/utils";
import type { ReactNode } from "react";

import { ConvexClientProvider } from "@/modules/convex/convex-client-provider";
import { organizationIdAtom } from "@/modules/session/atoms/session-atoms";

import { WidgetView } from "./widget-view";

function HydrateOrganization({ organizationId, children }: { organizationId: string; children: ReactNode }) {
  useHydrateAtoms([[organizationIdAtom, organizationId]]);
  return useAtomValue(organizationIdAtom) === organizationId ? children : null;
}

/** Client root: Convex, a store per frame, and the organization from the iframe URL. */
export function WidgetApp({
  convexUrl,
  organizationId,
  vapiPublicKey,
}: {
  convexUrl: string;
  organizationId: string;
  vapiPublicKey: string | null;
}) {
  return (
    <ConvexClientProvider url={convexUrl}>
      <Provider>
        <HydrateOrganization organizationId={organizationId}>
          <WidgetView vapiPublicKey={vapiPublicKey} />
        </HydrateOrganization>
      </Provider>
    </ConvexClientProvider>
  );
}
