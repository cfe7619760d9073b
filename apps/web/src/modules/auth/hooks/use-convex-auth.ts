"use client";

import { useCallback, useMemo } from "react";

import { authClient } from "../lib/auth-client";

/** Adapts the identity provider's session to what ConvexProviderWithAuth asks for. */
export function useConvexAuthFromIdentity() {
  const { data, isPending } = authClient.useSession();
  const sessionId = data?.session.id;
  const activeOrganizationId = data?.session.activeOrganizationId;

  const fetchAccessToken = useCallback(
    async (_options: { forceRefreshToken: boolean }) => {
      if (!sessionId) return null;
      const { data: token } = await authClient.token();
      return token?.token ?? null;
    },
    // A new organization changes the token's claims, so Convex must ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sessionId, activeOrganizationId],
  );

  return useMemo(
    () => ({ isLoading: isPending, isAuthenticated: Boolean(sessionId), fetchAccessToken }),
    [isPending, sessionId, fetchAccessToken],
  );
}
