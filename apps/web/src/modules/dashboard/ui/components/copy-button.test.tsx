import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { CopyButton } from "./copy-button";

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
  it("copies the text and says so on the button, then goes back to its label", async () => {
    vi.useFakeTimers();
    render(
      <CopyButton
        text="https://echo.example/accept-invitation/inv_1"
        label="Copy link"
        copiedLabel="Link copied"
        aria-label="Copy link for theo@example.com"
      />,
    );
    const button = screen.getByRole("button", { name: "Copy link for theo@example.com" });
    await act(async () => fireEvent.click(button));
    expect(writeText).toHaveBeenCalledWith("https://echo.example/accept-invitation/inv_1");
    expect(button.textContent).toBe("Link copied");
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(button.textContent).toBe("Copy link");
  });

  it("keeps its label when the browser refuses the clipboard", async () => {
    writeText.mockRejectedValue(new DOMException("denied", "NotAllowedError"));
    render(<CopyButton text="x" label="Copy code" copiedLabel="Copied" />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Copy code" })));
    expect(writeText).toHaveBeenCalledWith("x");
    expect(screen.getByRole("button").textContent).toBe("Copy code");
  });
});
