import { describe, expect, it } from "vitest";

import { formatPhone } from "./format-phone";

describe("formatPhone", () => {
  it("writes an E.164 number in its country's international form", () => {
    expect(formatPhone("+5511987654321")).toBe("+55 11 98765 4321");
    expect(formatPhone("+14155550123")).toBe("+1 415 555 0123");
  });

  it("leaves what is not a phone number as it is", () => {
    expect(formatPhone("unknown caller")).toBe("unknown caller");
  });
});
