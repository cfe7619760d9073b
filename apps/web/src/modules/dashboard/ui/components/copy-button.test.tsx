import { Toaster } from "@echo/ui/components/toaster";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { stubMatchMedia } from "@/test/stub-match-media";

import { CopyButton } from "./copy-button";

beforeAll(stubMatchMedia);

// jsdom has no clipboard: the browser's is stood in for at its boundary.
const writeText = vi.fn<(text: string) => Promise<void>>();
beforeEach(() => {
  writeText.mockReset().mockResolvedValue(undefined);
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("CopyButton", () => {
  it("copies the text and says so on the button and in a toast, then goes back to its label", async () => {
    vi.useFakeTimers();
    render(
      <>
        <CopyButton
          text="https://echo.example/accept-invitation/inv_1"
          label="Copy link"
          copiedLabel="Link copied"
          copiedToast="Copied to the clipboard: Invitation link for theo@example.com."
          aria-label="Copy link for theo@example.com"
        />
        <Toaster label="Notifications" />
      </>,
    );
    const button = screen.getByRole("button", { name: "Copy link for theo@example.com" });
    await act(async () => fireEvent.click(button));
    expect(writeText).toHaveBeenCalledWith("https://echo.example/accept-invitation/inv_1");
    expect(button.textContent).toBe("Link copied");
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(
      within(screen.getByRole("region", { name: /Notifications/ })).getByText(
        "Copied to the clipboard: Invitation link for theo@example.com.",
      ),
    ).toBeTruthy();
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(button.textContent).toBe("Copy link");
  });

  it("keeps its label and shows no toast when the browser refuses the clipboard", async () => {
    writeText.mockRejectedValue(new DOMException("denied", "NotAllowedError"));
    render(
      <>
        <CopyButton text="x" label="Copy code" copiedLabel="Copied" copiedToast="Code copied." />
        <Toaster label="Notifications" />
      </>,
    );
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Copy code" })));
    expect(writeText).toHaveBeenCalledWith("x");
    expect(screen.getByRole("button", { name: "Copy code" }).textContent).toBe("Copy code");
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByText("Code copied.")).toBeNull();
  });
});
