import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { getFunctionName } from "convex/server";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, expect, it, vi } from "vitest";

import en from "../../../../../messages/en.json";
import { TypingPreviewSetting } from "./typing-preview-setting";

const backend = vi.hoisted(() => ({ enabled: false, calls: [] as unknown[] }));
vi.mock("convex/react", () => ({
  useQuery: (ref: never) =>
    getFunctionName(ref) === "private/typing:previewSetting"
      ? { enabled: backend.enabled }
      : undefined,
  useMutation: () => async (args: { enabled: boolean }) => {
    backend.calls.push(args);
    backend.enabled = args.enabled;
  },
}));
afterEach(() => {
  cleanup();
  backend.enabled = false;
  backend.calls = [];
});

function renderSetting(canEdit: boolean) {
  return render(
    <NextIntlClientProvider locale="en" messages={en}>
      <TypingPreviewSetting canEdit={canEdit} />
    </NextIntlClientProvider>,
  );
}

it("is off by default and an admin turns it on", async () => {
  const { rerender } = renderSetting(true);
  const box = screen.getByRole("checkbox", { name: "Show the visitor's draft to operators" });
  expect((box as HTMLInputElement).checked).toBe(false);
  await act(async () => fireEvent.click(box));
  expect(backend.calls).toEqual([{ enabled: true }]);
  expect(screen.getByRole("status").textContent).toBe("Saved.");
  rerender(
    <NextIntlClientProvider locale="en" messages={en}>
      <TypingPreviewSetting canEdit />
    </NextIntlClientProvider>,
  );
  expect((screen.getByRole("checkbox") as HTMLInputElement).checked).toBe(true);
});

it("is read-only for members", () => {
  renderSetting(false);
  expect((screen.getByRole("checkbox") as HTMLInputElement).disabled).toBe(true);
});
