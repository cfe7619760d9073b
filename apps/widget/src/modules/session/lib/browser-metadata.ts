import type { ContactMetadata } from "@echo/backend/convex/lib/validators";

import type { HostPage } from "@/modules/embed/lib/protocol";

/** The visitor's browser, plus the host page as the loader reported it (inside the frame, location is ours). */
export function collectBrowserMetadata(win: Window, host: HostPage | null): ContactMetadata {
  const { navigator, screen } = win;
  const metadata: ContactMetadata = {
    userAgent: navigator.userAgent,
    languages: [...navigator.languages],
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    timezoneOffset: new Date().getTimezoneOffset(),
    platform: navigator.platform || undefined,
    screenResolution: `${screen.width}x${screen.height}`,
    viewportSize: `${win.innerWidth}x${win.innerHeight}`,
  };
  if (host) {
    metadata.currentUrl = host.url || undefined;
    metadata.pageTitle = host.title || undefined;
    metadata.referrer = host.referrer || undefined;
  }
  return metadata;
}
