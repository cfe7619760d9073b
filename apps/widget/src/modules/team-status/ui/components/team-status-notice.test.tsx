import { screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { renderWithIntl } from "@/test/render-with-intl";

import { TeamStatusNotice } from "./team-status-notice";

const team = vi.hoisted(() => ({
  current: null as null | { hours: unknown; typicalReplyMs: number | null },
}));
vi.mock("convex/react", () => ({ useQuery: () => team.current ?? undefined }));

const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "18:00" }));

beforeEach(() => {
  vi.useFakeTimers();
  // Wednesday 2026-12-02 22:00 UTC.
  vi.setSystemTime(Date.UTC(2026, 11, 2, 22, 0));
});
afterEach(() => {
  vi.useRealTimers();
  team.current = null;
});

describe("TeamStatusNotice", () => {
  it("outside office hours says the team is away and when it is back", () => {
    team.current = {
      hours: { enabled: true, timeZone: "UTC", weekly: weekdays, holidays: [] },
      typicalReplyMs: 600_000,
    };
    renderWithIntl(<TeamStatusNotice organizationId="org_a" />);
    expect(screen.getByRole("status").textContent).toMatch(
      /^Our team is away right now and back Thursday 9:00\sAM\. Leave a message/,
    );
  });

  it("inside office hours says how fast the team typically replies", () => {
    team.current = {
      hours: {
        enabled: true,
        timeZone: "UTC",
        weekly: [{ day: 3, open: "09:00", close: "23:00" }],
        holidays: [],
      },
      typicalReplyMs: 12 * 60_000,
    };
    renderWithIntl(<TeamStatusNotice organizationId="org_a" />);
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.getByTestId("typical-reply").textContent).toBe(
      "The team typically replies in about 12 minutes.",
    );
  });

  it("says nothing without office hours or a reply history", () => {
    team.current = { hours: null, typicalReplyMs: null };
    const { container } = renderWithIntl(<TeamStatusNotice organizationId="org_a" />);
    expect(container.textContent).toBe("");
  });
});
