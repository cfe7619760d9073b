import { act, cleanup, render, screen } from "@testing-library/react";
import { NextIntlClientProvider, type IntlError } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";

import { RelativeTime } from "./relative-time";

afterEach(cleanup);

describe("RelativeTime", () => {
  it("says how long ago, with the exact moment for machines, and raises no next-intl error", () => {
    const errors: IntlError[] = [];
    const at = Date.now() - 5 * 60_000;
    render(
      <NextIntlClientProvider
        locale="en"
        messages={{}}
        timeZone="UTC"
        onError={(error) => errors.push(error)}
      >
        <RelativeTime at={at} />
      </NextIntlClientProvider>,
    );
    const time = screen.getByText("5 minutes ago");
    expect(time.tagName).toBe("TIME");
    expect(time.getAttribute("datetime")).toBe(new Date(at).toISOString());
    // Each inbox row used to log ENVIRONMENT_FALLBACK: relativeTime without a `now`.
    expect(errors.map((error) => error.code)).toEqual([]);
  });

  it("moves on by itself as time passes", () => {
    vi.useFakeTimers();
    try {
      const at = Date.now() - 60_000;
      render(
        <NextIntlClientProvider locale="pt-BR" messages={{}} timeZone="UTC">
          <RelativeTime at={at} />
        </NextIntlClientProvider>,
      );
      expect(screen.getByText("há 1 minuto")).toBeTruthy();
      act(() => vi.advanceTimersByTime(60_000));
      expect(screen.getByText("há 2 minutos")).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it("reads a moment stamped by a clock slightly ahead of the browser's as now, not the future", () => {
    render(
      <NextIntlClientProvider locale="en" messages={{}} timeZone="UTC">
        <RelativeTime at={Date.now() + 2_000} />
      </NextIntlClientProvider>,
    );
    expect(screen.getByRole("time").textContent).toBe("now");
  });
});
