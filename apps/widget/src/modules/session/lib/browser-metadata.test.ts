// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import { CONTACT_METADATA_LIMITS } from "@echo/backend/convex/lib/contactMetadataLimits";

import { collectBrowserMetadata } from "./browser-metadata";

describe("collectBrowserMetadata", () => {
  it("describes the browser and takes the page from the loader, not the frame's own location", () => {
    const metadata = collectBrowserMetadata(window, {
      url: "https://shop.example/cart",
      title: "Cart",
      referrer: "https://search.example/",
      locale: "en",
    });
    expect(metadata).toMatchObject({
      userAgent: navigator.userAgent,
      languages: [...navigator.languages],
      timezone: expect.any(String),
      timezoneOffset: expect.any(Number),
      screenResolution: expect.stringMatching(/^\d+x\d+$/),
      viewportSize: expect.stringMatching(/^\d+x\d+$/),
      currentUrl: "https://shop.example/cart",
      pageTitle: "Cart",
      referrer: "https://search.example/",
    });
    expect(metadata.currentUrl).not.toBe(window.location.href);
  });

  it("leaves the page out when the widget is not embedded", () => {
    const metadata = collectBrowserMetadata(window, null);
    expect(metadata.currentUrl).toBeUndefined();
    expect(metadata.pageTitle).toBeUndefined();
  });

  it("cuts a long page URL and title to what the backend stores", () => {
    const metadata = collectBrowserMetadata(window, {
      url: `https://shop.example/?q=${"x".repeat(5000)}`,
      title: "T".repeat(1000),
      referrer: "",
      locale: "en",
    });
    expect(metadata.currentUrl).toHaveLength(CONTACT_METADATA_LIMITS.currentUrl);
    expect(metadata.pageTitle).toHaveLength(CONTACT_METADATA_LIMITS.pageTitle);
    expect(metadata.currentUrl!.startsWith("https://shop.example/?q=x")).toBe(true);
  });
});
