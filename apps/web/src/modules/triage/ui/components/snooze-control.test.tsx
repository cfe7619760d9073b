import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { SnoozeControl } from "./snooze-control";

// jsdom lacks the layout APIs Radix's Select calls while it opens and positions its list.
beforeAll(() => {
  Element.prototype.scrollIntoView ??= () => {};
  Element.prototype.hasPointerCapture ??= () => false;
  Element.prototype.releasePointerCapture ??= () => {};
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(cleanup);

function renderControl(
  props: Partial<React.ComponentProps<typeof SnoozeControl>> = {},
  locale: "en" | "pt-BR" = "en",
) {
  const onSnooze = vi.fn(async () => {});
  const onUnsnooze = vi.fn(async () => {});
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR} timeZone="UTC">
      <SnoozeControl
        snoozed={false}
        snoozedUntil={undefined}
        onSnooze={onSnooze}
        onUnsnooze={onUnsnooze}
        {...props}
      />
    </NextIntlClientProvider>,
  );
  return { onSnooze, onUnsnooze };
}

async function choose(name: string, trigger = /Snooze|Adiar/) {
  const combobox = screen.getByRole("combobox", { name: trigger });
  act(() => {
    combobox.focus();
    fireEvent.keyDown(combobox, { key: "Enter" });
  });
  const option = within(screen.getByRole("listbox")).getByRole("option", { name });
  await act(async () => {
    fireEvent.keyDown(option, { key: "Enter" });
  });
}

describe("SnoozeControl", () => {
  it("snoozes until the visitor replies, or for an hour from now", async () => {
    const { onSnooze } = renderControl();
    await choose("Until the visitor replies");
    expect(onSnooze).toHaveBeenLastCalledWith(null);
    const before = Date.now();
    await choose("For 1 hour");
    const until = (onSnooze.mock.lastCall as unknown as [number])[0];
    expect(until - before).toBeGreaterThanOrEqual(3_600_000);
    expect(until - before).toBeLessThan(3_660_000);
  });

  it("asks for a date and time for a custom snooze and sends it", async () => {
    const { onSnooze } = renderControl();
    await choose("Pick a date and time…");
    const input = screen.getByLabelText("Date and time");
    fireEvent.change(input, { target: { value: "2030-01-15T10:30" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Snooze" }));
    });
    expect(onSnooze).toHaveBeenLastCalledWith(new Date(2030, 0, 15, 10, 30).getTime());
  });

  it("takes a custom time to the second, so a snooze can end in a few seconds", async () => {
    const { onSnooze } = renderControl();
    await choose("Pick a date and time…");
    const input = screen.getByLabelText<HTMLInputElement>("Date and time");
    fireEvent.change(input, { target: { value: "2030-01-15T10:30:15" } });
    expect(input.validity.stepMismatch).toBe(false);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Snooze" }));
    });
    expect(onSnooze).toHaveBeenLastCalledWith(new Date(2030, 0, 15, 10, 30, 15).getTime());
  });

  it("while snoozed, says until when and brings it back, in Portuguese too", async () => {
    const until = Date.UTC(2030, 0, 15, 10, 30);
    const { onUnsnooze } = renderControl({ snoozed: true, snoozedUntil: until }, "pt-BR");
    expect(screen.getByTestId("snoozed-notice").textContent).toContain("Adiada até 15 de jan.");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Trazer de volta" }));
    });
    expect(onUnsnooze).toHaveBeenCalled();
    cleanup();
    renderControl({ snoozed: true, snoozedUntil: undefined });
    expect(screen.getByTestId("snoozed-notice").textContent).toContain(
      "Snoozed until the visitor replies",
    );
  });
});
