import type { Doc, Id } from "@echo/backend/convex/_generated/dataModel";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import en from "../../../../../messages/en.json";
import { ConversationTags } from "./conversation-tags";

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

const tag = (id: string, name: string, color: Doc<"tags">["color"]) =>
  ({ _id: id as Id<"tags">, _creationTime: 0, organizationId: "org", name, color }) as Doc<"tags">;
const tags = [
  tag("t_bug", "Bug", "red"),
  tag("t_vip", "VIP", "amber"),
  tag("t_x", "Refund", "green"),
];

function renderTags(tagIds: string[], list = tags) {
  const onAdd = vi.fn();
  const onRemove = vi.fn();
  render(
    <NextIntlClientProvider locale="en" messages={en}>
      <ConversationTags
        tags={list}
        tagIds={tagIds as Id<"tags">[]}
        onAdd={onAdd}
        onRemove={onRemove}
      />
    </NextIntlClientProvider>,
  );
  return { onAdd, onRemove };
}

describe("ConversationTags", () => {
  it("shows the conversation's tags and offers only the others to add", async () => {
    const { onAdd } = renderTags(["t_vip"]);
    expect(screen.getAllByTestId("tag-chip").map((chip) => chip.textContent)).toEqual(["VIP"]);
    const trigger = screen.getByRole("combobox", { name: "Add tag" });
    act(() => {
      trigger.focus();
      fireEvent.keyDown(trigger, { key: "Enter" });
    });
    const options = within(screen.getByRole("listbox")).getAllByRole("option");
    expect(options.map((option) => option.textContent)).toEqual(["Bug", "Refund"]);
    await act(async () => {
      fireEvent.keyDown(options[1]!, { key: "Enter" });
    });
    expect(onAdd).toHaveBeenCalledWith("t_x");
  });

  it("takes a tag off with its own button", () => {
    const { onRemove } = renderTags(["t_bug", "t_vip"]);
    fireEvent.click(screen.getByRole("button", { name: "Remove tag Bug" }));
    expect(onRemove).toHaveBeenCalledWith("t_bug");
  });

  it("tells the operator where tags come from when the organization has none", () => {
    renderTags([], []);
    expect(screen.getByText(/an admin creates them in Settings › Tags/)).toBeTruthy();
    expect(screen.queryByRole("combobox")).toBeNull();
  });
});
