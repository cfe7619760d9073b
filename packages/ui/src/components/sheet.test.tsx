import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { Sheet, SheetContent, SheetTitle, SheetTrigger } from "./sheet";

describe("Sheet", () => {
  it("opens from its trigger as a titled dialog, closed by its labelled button or Escape", () => {
    render(
      <Sheet>
        <SheetTrigger>Menu</SheetTrigger>
        <SheetContent side="left" closeLabel="Close the menu" aria-describedby={undefined}>
          <SheetTitle>Sections</SheetTitle>
          <a href="/team">Team</a>
        </SheetContent>
      </Sheet>,
    );
    expect(screen.queryByRole("dialog")).toBeNull();
    act(() => fireEvent.click(screen.getByText("Menu")));
    const dialog = screen.getByRole("dialog", { name: "Sections" });
    expect(dialog.className).toContain("left-0");
    act(() => fireEvent.click(screen.getByRole("button", { name: "Close the menu" })));
    expect(screen.queryByRole("dialog")).toBeNull();

    act(() => fireEvent.click(screen.getByText("Menu")));
    act(() => fireEvent.keyDown(screen.getByRole("dialog"), { key: "Escape" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
