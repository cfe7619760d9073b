import { describe, expect, test } from "vitest";

import { parseChannelFilter } from "./channel-filter";

describe("parseChannelFilter", () => {
  test("known channels are kept, anything else is every channel", () => {
    expect(parseChannelFilter("whatsapp")).toBe("whatsapp");
    expect(parseChannelFilter("voice")).toBe("voice");
    expect(parseChannelFilter("sms")).toBe("all");
    expect(parseChannelFilter(null)).toBe("all");
  });
});
