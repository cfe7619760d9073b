import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { WidgetFrame } from "./widget-frame";

function renderFrame() {
  const onClose = vi.fn();
  render(
    <WidgetFrame onClose={onClose}>
      <button type="button">first</button>
      <input aria-label="middle" />
      <button type="button" disabled>
        disabled
      </button>
      <button type="button">last</button>
    </WidgetFrame>,
  );
  return { onClose };
}

describe("WidgetFrame", () => {
  it("posts close on Escape, wherever focus is", () => {
    const { onClose } = renderFrame();
    fireEvent.keyDown(document.body, { key: "Escape" });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("wraps Tab from the last control to the first, and Shift+Tab back", () => {
    renderFrame();
    const first = screen.getByRole("button", { name: "first" });
    const last = screen.getByRole("button", { name: "last" });
    last.focus();
    fireEvent.keyDown(last, { key: "Tab" });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: "Tab", shiftKey: true });
    expect(document.activeElement).toBe(last);
  });

  it("leaves Tab alone between the ends", () => {
    renderFrame();
    const middle = screen.getByRole("textbox", { name: "middle" });
    middle.focus();
    const event = fireEvent.keyDown(middle, { key: "Tab" });
    expect(event).toBe(true); // not prevented: the browser moves focus
    expect(document.activeElement).toBe(middle);
  });

  it("brings focus from outside the widget back inside", () => {
    renderFrame();
    (document.activeElement as HTMLElement | null)?.blur();
    fireEvent.keyDown(document.body, { key: "Tab" });
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "first" }));
  });
});
