import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { ConvexError } from "convex/values";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import type { Member } from "../../lib/assignees";
import { AssigneePicker } from "./assignee-picker";

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

const members: Member[] = [
  { userId: "u_owner", role: "owner", name: "Olga Owner", email: "o@example.com", imageUrl: null },
  { userId: "u_ann", role: "admin", name: "Ann Admin", email: "a@example.com", imageUrl: null },
  { userId: "u_mia", role: "member", name: "Mia Member", email: "m@example.com", imageUrl: null },
];

function renderPicker(
  props: Partial<React.ComponentProps<typeof AssigneePicker>> = {},
  locale: "en" | "pt-BR" = "en",
) {
  const onAssign = props.onAssign ?? vi.fn(async () => {});
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <AssigneePicker
        members={members}
        currentUserId="u_owner"
        assigneeId={null}
        {...props}
        onAssign={onAssign}
      />
    </NextIntlClientProvider>,
  );
  return { onAssign, trigger: screen.getByRole("combobox", { name: /Assignee|Responsável/ }) };
}

function open(trigger: HTMLElement) {
  act(() => {
    trigger.focus();
    fireEvent.keyDown(trigger, { key: "Enter" });
  });
  return screen.getByRole("listbox");
}

async function choose(trigger: HTMLElement, name: string) {
  const option = within(open(trigger)).getByRole("option", { name });
  await act(async () => {
    fireEvent.keyDown(option, { key: "Enter" });
  });
}

describe("AssigneePicker", () => {
  it("offers Unassigned, Me, then the other members by name", () => {
    const { trigger } = renderPicker();
    expect(trigger.textContent).toBe("Unassigned");
    const options = within(open(trigger)).getAllByRole("option");
    expect(options.map((option) => option.textContent)).toEqual([
      "Unassigned",
      "Me",
      "Ann Admin",
      "Mia Member",
    ]);
  });

  it("shows the current assignee by name, and Me for the operator", () => {
    renderPicker({ assigneeId: "u_mia" });
    expect(screen.getByRole("combobox", { name: "Assignee" }).textContent).toBe("Mia Member");
    cleanup();
    renderPicker({ assigneeId: "u_owner" });
    expect(screen.getByRole("combobox", { name: "Assignee" }).textContent).toBe("Me");
  });

  it("names an assignee who is no longer listed without showing their id", () => {
    const { trigger } = renderPicker({ assigneeId: "user_removed_42" });
    expect(trigger.textContent).toBe("Someone no longer listed");
  });

  it("assigns to another member, to the operator, and back to nobody", async () => {
    const { onAssign, trigger } = renderPicker();
    await choose(trigger, "Mia Member");
    expect(onAssign).toHaveBeenLastCalledWith("u_mia");
    await choose(trigger, "Me");
    expect(onAssign).toHaveBeenLastCalledWith("u_owner");
    cleanup();
    const again = renderPicker({ assigneeId: "u_mia" });
    await choose(again.trigger, "Unassigned");
    expect(again.onAssign).toHaveBeenLastCalledWith(null);
  });

  it("explains a refusal for someone who left the organization, in the operator's language", async () => {
    const refuse = async () => {
      throw new ConvexError({ code: "NOT_FOUND", message: "That person is not a member" });
    };
    const { trigger } = renderPicker({ onAssign: vi.fn(refuse) });
    await choose(trigger, "Mia Member");
    expect(screen.getByRole("alert").textContent).toBe(
      "That person is no longer a member of this organization. Choose someone else.",
    );
    cleanup();
    const pt = renderPicker({ onAssign: vi.fn(refuse) }, "pt-BR");
    await choose(pt.trigger, "Mia Member");
    expect(screen.getByRole("alert").textContent).toBe(
      "Essa pessoa não é mais membro desta organização. Escolha outra pessoa.",
    );
  });

  it("translates other backend errors with the shared messages", async () => {
    const { trigger } = renderPicker({
      onAssign: vi.fn(async () => {
        throw new ConvexError({ code: "RATE_LIMITED", message: "slow down" });
      }),
    });
    await choose(trigger, "Ann Admin");
    expect(screen.getByRole("alert").textContent).toBe(en.errors.RATE_LIMITED);
  });
});
