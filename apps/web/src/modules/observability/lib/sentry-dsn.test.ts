import { describe, expect, it } from "vitest";

import { parseSentryDsn } from "./sentry-dsn";

describe("parseSentryDsn", () => {
  it("is null when no DSN is set, so Sentry stays off", () => {
    expect(parseSentryDsn(undefined)).toBeNull();
    expect(parseSentryDsn("  ")).toBeNull();
  });

  it("accepts a DSN with a public key and a project id, self-hosted paths included", () => {
    expect(parseSentryDsn("https://abc123@o1.ingest.sentry.io/4501")).toBe(
      "https://abc123@o1.ingest.sentry.io/4501",
    );
    expect(parseSentryDsn(" http://key@127.0.0.1:9000/sentry/7 ")).toBe(
      "http://key@127.0.0.1:9000/sentry/7",
    );
  });

  it("refuses a malformed DSN with the reason", () => {
    expect(() => parseSentryDsn("not a url")).toThrow(/not a URL/);
    expect(() => parseSentryDsn("ftp://key@host/1")).toThrow(/http or https/);
    expect(() => parseSentryDsn("https://sentry.example/1")).toThrow(/no public key/);
    expect(() => parseSentryDsn("https://key@sentry.example/project")).toThrow(
      /numeric project id/,
    );
  });
});
