import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { convex } from "@/test/convex-double";

import { type ConversationNote, PrivateNote } from "./private-note";

vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);

beforeEach(() => {
  convex.calls = [];
  convex.answers["private/members:list"] = [
    { userId: "u_ana", name: "Ana Lima", email: "ana@acme.example" },
    { userId: "u_bia", name: "Bia", email: "bia@acme.example" },
    { userId: "u_caio", name: "Caio", email: "caio@acme.example" },
  ];
  convex.answers["private/organization:current"] = { userId: "u_ana" };
});
afterEach(cleanup);

const note: ConversationNote = {
  _id: "n1" as Id<"conversationNotes">,
  authorName: "Ana Lima",
  text: "@Bia VIP customer",
  mentions: ["u_bia"],
  canChange: true,
};

function renderNote(shown: ConversationNote, locale: "en" | "pt-BR" = "en") {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <PrivateNote note={shown} conversationId={"c1" as Id<"conversations">} />
    </NextIntlClientProvider>,
  );
  return screen.getByRole("article", {
    name: locale === "en" ? "Note by Ana Lima" : "Nota de Ana Lima",
  });
}

describe("PrivateNote", () => {
  it("offers a teammate who may not change the note neither edit nor delete", () => {
    const article = renderNote({ ...note, canChange: false });
    expect(within(article).queryAllByRole("button")).toEqual([]);
    expect(article.textContent).not.toContain("edited");
  });

  it("says an edited note was edited, in pt-BR too", () => {
    const article = renderNote({ ...note, editedAt: 5 }, "pt-BR");
    expect(article.textContent).toContain("editada");
    expect(within(article).getByRole("button", { name: "Editar a nota de Ana Lima" })).toBeTruthy();
  });

  it("edits in place: the members it names stay mentioned, and @ names one more", async () => {
    const article = renderNote(note);
    fireEvent.click(within(article).getByRole("button", { name: "Edit the note by Ana Lima" }));
    const box = within(article).getByLabelText("Edit note") as HTMLTextAreaElement;
    expect(box.value).toBe("@Bia VIP customer");

    fireEvent.change(box, { target: { value: "@Bia VIP customer, @ca", selectionStart: 22 } });
    fireEvent.click(within(article).getByRole("option", { name: /Caio/ }));
    expect(box.value).toBe("@Bia VIP customer, @Caio ");
    fireEvent.click(within(article).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(convex.calls).toHaveLength(1));
    expect(convex.calls[0]).toEqual({
      name: "private/notes:edit",
      args: { noteId: "n1", text: "@Bia VIP customer, @Caio ", mentions: ["u_bia", "u_caio"] },
    });
    await waitFor(() => expect(within(article).queryByLabelText("Edit note")).toBeNull());
  });

  it("drops a mention whose @name was taken out, and cancels without saving", async () => {
    const article = renderNote(note);
    fireEvent.click(within(article).getByRole("button", { name: "Edit the note by Ana Lima" }));
    const box = within(article).getByLabelText("Edit note");
    fireEvent.change(box, { target: { value: "VIP customer" } });
    fireEvent.click(within(article).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(convex.calls).toHaveLength(1));
    expect(convex.calls[0]!.args).toMatchObject({ text: "VIP customer", mentions: [] });

    fireEvent.click(within(article).getByRole("button", { name: "Edit the note by Ana Lima" }));
    fireEvent.click(within(article).getByRole("button", { name: "Cancel" }));
    expect(convex.calls).toHaveLength(1);
  });

  it("deletes the note", async () => {
    const article = renderNote(note);
    fireEvent.click(within(article).getByRole("button", { name: "Delete the note by Ana Lima" }));
    await waitFor(() =>
      expect(convex.calls).toEqual([{ name: "private/notes:remove", args: { noteId: "n1" } }]),
    );
  });
});
