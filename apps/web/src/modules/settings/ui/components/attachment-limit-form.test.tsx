import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { getFunctionName } from "convex/server";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, expect, it, vi } from "vitest";

import en from "../../../../../messages/en.json";
import { AttachmentLimitForm } from "./attachment-limit-form";

const MB = 1024 * 1024;
const backend = vi.hoisted(() => ({ maxBytes: 10 * 1024 * 1024, calls: [] as unknown[] }));
vi.mock("convex/react", () => ({
  useQuery: (ref: never) =>
    getFunctionName(ref) === "private/attachments:limits"
      ? { maxBytes: backend.maxBytes, maxBytesLimit: 50 * 1024 * 1024, accept: [] }
      : undefined,
  useMutation: () => async (args: { maxBytes: number }) => {
    backend.calls.push(args);
    backend.maxBytes = args.maxBytes;
  },
}));
afterEach(() => {
  cleanup();
  backend.maxBytes = 10 * MB;
  backend.calls = [];
});

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
  expect(backend.calls).toEqual([{ maxBytes: 2.5 * MB }]);
  expect(screen.getByRole("status").textContent).toBe("Saved.");
});

it("refuses 0 and more than 50 MB without asking the backend", async () => {
  const input = renderForm();
  for (const value of ["0", "51"]) {
    fireEvent.change(input, { target: { value } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save limit" })));
    expect(screen.getByRole("alert").textContent).toBe("Choose a size above 0 and at most 50 MB.");
  }
  expect(backend.calls).toEqual([]);
});
