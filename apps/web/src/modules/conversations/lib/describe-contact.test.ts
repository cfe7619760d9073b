import { describe, expect, it } from "vitest";

import { countryFlag, describeContact } from "./describe-contact";

const CHROME_ON_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const SAFARI_ON_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

describe("describeContact", () => {
  it("names browser, system and device from the user agent", () => {
    expect(describeContact({ userAgent: CHROME_ON_WINDOWS })).toMatchObject({
      browser: "Chrome 126",
      os: "Windows 10",
      device: "desktop",
    });
    expect(describeContact({ userAgent: SAFARI_ON_IPHONE })).toMatchObject({
      browser: "Safari 17",
      device: "mobile",
    });
  });

  it("shows the timezone with its UTC offset (JavaScript offsets are inverted)", () => {
    expect(describeContact({ timezone: "America/Sao_Paulo", timezoneOffset: 180 }).timezone).toBe(
      "America/Sao_Paulo (UTC-03:00)",
    );
    expect(describeContact({ timezone: "Asia/Kolkata", timezoneOffset: -330 }).timezone).toBe(
      "Asia/Kolkata (UTC+05:30)",
    );
  });

  it("gives nulls rather than guesses when nothing is known", () => {
    expect(describeContact({})).toEqual({
      browser: null,
      os: null,
      device: null,
      language: null,
      timezone: null,
      country: null,
      currentUrl: null,
      pageTitle: null,
    });
  });
});

describe("countryFlag", () => {
  it("builds the regional-indicator flag of a country code", () => {
    expect(countryFlag("br")).toBe("🇧🇷");
    expect(countryFlag("PT")).toBe("🇵🇹");
  });

  it("rejects anything that is not two letters", () => {
    expect(countryFlag("BRA")).toBeNull();
    expect(countryFlag("1A")).toBeNull();
    expect(countryFlag(undefined)).toBeNull();
  });
});
