import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { WidgetFrame } from "./widget-frame";

function renderFrame() {
  const onClose = vi.fn();
  render(
    <WidgetFrame label="Acme support" onClose={onClose}>
      <button type="button">first</button>
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

  it("is a named non-modal dialog", () => {
    renderFrame();
    const dialog = screen.getByRole("dialog", { name: "Acme support" });
    expect(dialog.getAttribute("aria-modal")).toBe("false");
  });

  it("lets Tab leave from the last control instead of wrapping to the first", () => {
    renderFrame();
    const last = screen.getByRole("button", { name: "last" });
    last.focus();
    const notPrevented = fireEvent.keyDown(last, { key: "Tab" });
    expect(notPrevented).toBe(true);
    expect(document.activeElement).toBe(last);
  });
});
