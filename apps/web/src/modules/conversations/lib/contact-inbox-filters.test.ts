import { describe, expect, it } from "vitest";

import {
  contactInboxQueryArgs,
  hasContactInboxFilter,
  parseContactInboxFilters,
  writeContactInboxFilters,
} from "./contact-inbox-filters";

describe("contact inbox filters", () => {
  it("reads the contact tag and a known stage from the URL, ignoring an unknown stage", () => {
    expect(
      parseContactInboxFilters(new URLSearchParams("contactTag=vip&contactStage=lead")),
    ).toEqual({ contactTag: "vip", contactStage: "lead" });
    expect(
      parseContactInboxFilters(new URLSearchParams("contactStage=boss&contactTag=%20")),
    ).toEqual({
      contactTag: null,
      contactStage: null,
    });
  });

  it("writes changed filters, drops cleared ones and leaves the others alone", () => {
    const next = new URLSearchParams("status=open&contactTag=vip");
    writeContactInboxFilters(next, { contactStage: "customer" });
    expect(next.toString()).toBe("status=open&contactTag=vip&contactStage=customer");
    writeContactInboxFilters(next, { contactTag: "" });
    expect(next.toString()).toBe("status=open&contactStage=customer");
  });

  it("turns into the inbox query's arguments", () => {
    const filters = { contactTag: "vip", contactStage: null };
    expect(contactInboxQueryArgs(filters)).toEqual({ contactTag: "vip", contactStage: undefined });
    expect(hasContactInboxFilter(filters)).toBe(true);
    expect(hasContactInboxFilter({ contactTag: null, contactStage: null })).toBe(false);
  });
});
