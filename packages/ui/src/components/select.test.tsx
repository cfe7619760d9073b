import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { beforeAll, describe, expect, it, vi } from "vitest";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "./select";

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

describe("Select", () => {
  it("is a labelled combobox showing the chosen item, whose list is chosen from by keyboard", async () => {
    const onValueChange = vi.fn();
    render(
      <>
        <span id="fruit-label">Fruit</span>
        <Select value="apple" onValueChange={onValueChange}>
          <SelectTrigger aria-labelledby="fruit-label" size="sm" className="w-40">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="apple">Apple</SelectItem>
            <SelectItem value="pear">Pear</SelectItem>
            <SelectItem value="plum" disabled>
              Plum
            </SelectItem>
          </SelectContent>
        </Select>
      </>,
    );
    const trigger = screen.getByRole("combobox", { name: "Fruit" });
    expect(trigger.textContent).toBe("Apple");
    expect(trigger.getAttribute("data-size")).toBe("sm");
    expect(trigger.className).toContain("w-40");
    act(() => {
      trigger.focus();
      fireEvent.keyDown(trigger, { key: "Enter" });
    });
    const list = screen.getByRole("listbox");
    const options = within(list).getAllByRole("option");
    expect(options.map((option) => option.textContent)).toEqual(["Apple", "Pear", "Plum"]);
    expect(options[0]?.getAttribute("data-state")).toBe("checked");
    expect(options[2]?.getAttribute("aria-disabled")).toBe("true");
    await act(async () => {
      fireEvent.keyDown(options[1]!, { key: "Enter" });
    });
    expect(onValueChange).toHaveBeenCalledWith("pear");
    expect(screen.queryByRole("listbox")).toBeNull();
  });
});
