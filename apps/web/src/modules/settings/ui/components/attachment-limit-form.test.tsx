import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeEach, expect, it, vi } from "vitest";

import { convex } from "@/test/convex-double";

import en from "../../../../../messages/en.json";
import { AttachmentLimitForm } from "./attachment-limit-form";

const MB = 1024 * 1024;

vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);
beforeEach(() => {
  convex.calls = [];
  convex.answers = {
    "private/attachments:limits": { maxBytes: 10 * MB, maxBytesLimit: 50 * MB, accept: [] },
  };
});
afterEach(cleanup);

function renderForm() {
  render(
    <NextIntlClientProvider locale="en" messages={en}>
      <AttachmentLimitForm />
    </NextIntlClientProvider>,
  );
  return screen.getByRole("spinbutton", { name: "Size limit (MB)" }) as HTMLInputElement;
}

it("shows the current limit in MB and saves a new one in bytes", async () => {
  const input = renderForm();
  expect(input.value).toBe("10");
  fireEvent.change(input, { target: { value: "2.5" } });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save limit" })));
  expect(convex.calls.map((call) => call.args)).toEqual([{ maxBytes: 2.5 * MB }]);
  expect(screen.getByRole("status").textContent).toBe("Saved.");
});

it("refuses 0 and more than 50 MB without asking the backend", async () => {
  const input = renderForm();
  for (const value of ["0", "51"]) {
    fireEvent.change(input, { target: { value } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save limit" })));
    expect(screen.getByRole("alert").textContent).toBe("Choose a size above 0 and at most 50 MB.");
  }
  expect(convex.calls).toEqual([]);
});
