"use client";

import { Authenticated } from "convex/react";
import { ErrorBoundary } from "react-error-boundary";

import { useAttentionNotifications } from "../../hooks/use-attention-notifications";
import { useMentionNotifications } from "../../hooks/use-mention-notifications";

function Watcher() {
  useAttentionNotifications();
  useMentionNotifications();
  return null;
}

/** Mounted once in the dashboard shell; renders nothing, and a failure never reaches the page. */
export function AttentionNotifier() {
  return (
    <Authenticated>
      <ErrorBoundary fallback={null}>
        <Watcher />
      </ErrorBoundary>
    </Authenticated>
  );
}
