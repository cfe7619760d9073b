import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";

import en from "../../../../../messages/en.json";
import { SegmentList, type Segment } from "./segment-list";

vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);
afterEach(cleanup);

const segments: Segment[] = [
  { _id: "s1" as Id<"contactSegments">, name: "Renewals", filters: { tags: ["vip"] } },
  { _id: "s2" as Id<"contactSegments">, name: "Churn risk", filters: { lastSeen: "older30d" } },
];

function renderList(canManage: boolean, activeId: Id<"contactSegments"> | null) {
  const onOpen = vi.fn();
  render(
    <NextIntlClientProvider locale="en" messages={en}>
      <SegmentList segments={segments} activeId={activeId} canManage={canManage} onOpen={onOpen} />
    </NextIntlClientProvider>,
  );
  return onOpen;
}

describe("SegmentList", () => {
  it("opens a segment or all contacts, and marks the open one", () => {
    const onOpen = renderList(false, "s1" as Id<"contactSegments">);
    expect(screen.getByRole("button", { name: "Renewals" }).getAttribute("aria-current")).toBe(
      "true",
    );
    fireEvent.click(screen.getByRole("button", { name: "Churn risk" }));
    expect(onOpen).toHaveBeenLastCalledWith(segments[1]);
    fireEvent.click(screen.getByRole("button", { name: "All contacts" }));
    expect(onOpen).toHaveBeenLastCalledWith(null);
  });

  it("lets admins rename and delete the open segment; members only open them", () => {
    renderList(false, "s1" as Id<"contactSegments">);
    expect(screen.queryByRole("button", { name: "Rename Renewals" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Delete Renewals" })).toBeNull();
    cleanup();
    renderList(true, "s1" as Id<"contactSegments">);
    expect(screen.getByRole("button", { name: "Rename Renewals" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Delete Renewals" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Delete Churn risk" })).toBeNull();
  });
});
