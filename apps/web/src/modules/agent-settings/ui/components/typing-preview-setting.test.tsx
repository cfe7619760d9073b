import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeEach, expect, it, vi } from "vitest";

import { convex } from "@/test/convex-double";

import en from "../../../../../messages/en.json";
import { TypingPreviewSetting } from "./typing-preview-setting";

const SETTING = "private/typing:previewSetting";

vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);
beforeEach(() => {
  convex.calls = [];
  convex.answers = { [SETTING]: { enabled: false } };
});
afterEach(cleanup);

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
  expect(convex.calls).toEqual([{ name: "private/typing:setPreview", args: { enabled: true } }]);
  expect(screen.getByRole("status").textContent).toBe("Saved.");
  convex.answers[SETTING] = { enabled: true };
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
