import { describe, expect, it } from "vitest";

import { isTimeZone, resolveTimeZone } from "./time-zone";

describe("time zone", () => {
  it("knows IANA names and refuses anything else", () => {
    expect(isTimeZone("America/Sao_Paulo")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone(undefined)).toBe(false);
    expect(isTimeZone(`Europe/${"x".repeat(80)}`)).toBe(false);
  });

  it("prefers the browser's zone, then the deployment's, then UTC", () => {
    expect(resolveTimeZone("America/Sao_Paulo", "Europe/Lisbon")).toBe("America/Sao_Paulo");
    expect(resolveTimeZone("nonsense", "Europe/Lisbon")).toBe("Europe/Lisbon");
    expect(resolveTimeZone(undefined, "nonsense")).toBe("UTC");
  });
});
