import {
  CONTACT_METADATA_LIMITS,
  MAX_LANGUAGE_CHARS,
  MAX_LANGUAGES,
  type ContactMetadataText,
} from "@echo/backend/convex/lib/contactMetadataLimits";
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
  return withinLimits(metadata);
}

/** The backend refuses oversized metadata; a long page URL or title is cut to fit instead. */
function withinLimits(metadata: ContactMetadata): ContactMetadata {
  const clipped: ContactMetadata = { ...metadata };
  for (const [field, max] of Object.entries(CONTACT_METADATA_LIMITS)) {
    const value = clipped[field as ContactMetadataText];
    if (value !== undefined) clipped[field as ContactMetadataText] = value.slice(0, max);
  }
  clipped.languages = clipped.languages
    ?.filter((language) => language.length <= MAX_LANGUAGE_CHARS)
    .slice(0, MAX_LANGUAGES);
  return clipped;
}
