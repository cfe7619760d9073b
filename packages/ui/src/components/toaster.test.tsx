import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import { Toaster, toast } from "./toaster";

beforeAll(() => {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
});
afterEach(cleanup);

describe("Toaster", () => {
  it("names its region with the translated label and shows a toast called from anywhere", async () => {
    render(<Toaster label="Notificações" />);
    expect(screen.getByRole("region", { name: /Notificações/ })).toBeTruthy();
    act(() => {
      toast.success("refund-policy.md deleted");
    });
    expect(await screen.findByText("refund-policy.md deleted")).toBeTruthy();
  });
});
