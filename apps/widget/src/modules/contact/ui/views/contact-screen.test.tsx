import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { renderWithIntl } from "@/test/render-with-intl";

import { ContactScreen } from "./contact-screen";

describe("ContactScreen", () => {
  it("offers the number to dial and to copy", async () => {
    const user = userEvent.setup();
    renderWithIntl(<ContactScreen phoneNumber="+55 (11) 4000-1234" />);
    expect(screen.getByRole("link", { name: "Call +55 (11) 4000-1234" }).getAttribute("href")).toBe(
      "tel:+551140001234",
    );
    await user.click(screen.getByRole("button", { name: "Copy phone number" }));
    expect(await navigator.clipboard.readText()).toBe("+55 (11) 4000-1234");
    expect(screen.getByRole("status").textContent).toBe("Phone number copied");
  });

  it("says so when copying is not allowed", async () => {
    const user = userEvent.setup();
    renderWithIntl(<ContactScreen phoneNumber="+1 555 0100" />);
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(
      new DOMException("denied", "NotAllowedError"),
    );
    await user.click(screen.getByRole("button", { name: "Copy phone number" }));
    expect(screen.getByRole("status").textContent).toBe(
      "Couldn't copy; please select the number instead.",
    );
  });
});
