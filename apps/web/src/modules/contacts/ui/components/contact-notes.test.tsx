import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { convex } from "@/test/convex-double";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { ContactNotes } from "./contact-notes";

// The notes query answers NOTES; mutations are recorded in calls.
const NOTES = "private/contactNotes:list";
const { calls } = convex;

vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);

beforeEach(() => {
  calls.length = 0;
  convex.answers[NOTES] = [
    {
      _id: "n2",
      _creationTime: Date.UTC(2026, 2, 10, 12),
      authorName: "Bo",
      body: "Renewal in May",
      editedAt: null,
      own: false,
    },
    {
      _id: "n1",
      _creationTime: Date.UTC(2026, 2, 9, 12),
      authorName: "Ana",
      body: "Prefers email",
      editedAt: Date.UTC(2026, 2, 9, 13),
      own: true,
    },
  ];
});
afterEach(cleanup);

function renderNotes(locale: "en" | "pt-BR" = "en") {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR} timeZone="UTC">
      <ContactNotes contactId={"k1" as Id<"contacts">} />
    </NextIntlClientProvider>,
  );
}

describe("ContactNotes", () => {
  it("lists notes with author and time, offering edit and delete only on the operator's own", () => {
    renderNotes();
    const [theirs, mine] = screen.getAllByRole("listitem");
    expect(within(theirs!).getByText(/^Bo · /)).toBeTruthy();
    expect(within(theirs!).queryByRole("button", { name: "Edit" })).toBeNull();
    expect(within(mine!).getByText(/^Ana · .* · edited$/)).toBeTruthy();
    expect(within(mine!).getByRole("button", { name: "Delete" })).toBeTruthy();
  });

  it("adds a note, and edits and deletes the operator's own", async () => {
    renderNotes();
    const press = async (button: HTMLElement) => await act(async () => fireEvent.click(button));
    fireEvent.change(screen.getByRole("textbox", { name: "New note" }), {
      target: { value: "Call on Friday" },
    });
    await press(screen.getByRole("button", { name: "Add note" }));
    const mine = screen.getAllByRole("listitem")[1]!;
    await press(within(mine).getByRole("button", { name: "Edit" }));
    fireEvent.change(within(mine).getByRole("textbox", { name: "Note" }), {
      target: { value: "Prefers phone" },
    });
    await press(within(mine).getByRole("button", { name: "Save" }));
    await press(within(mine).getByRole("button", { name: "Delete" }));
    expect(calls).toEqual([
      { name: "private/contactNotes:add", args: { contactId: "k1", body: "Call on Friday" } },
      { name: "private/contactNotes:edit", args: { noteId: "n1", body: "Prefers phone" } },
      { name: "private/contactNotes:remove", args: { noteId: "n1" } },
    ]);
  });

  it("reads in pt-BR, and says when there are none", () => {
    convex.answers[NOTES] = [];
    renderNotes("pt-BR");
    expect(screen.getByRole("heading", { name: "Notas" })).toBeTruthy();
    expect(screen.getByText("Nenhuma nota ainda.")).toBeTruthy();
  });
});
