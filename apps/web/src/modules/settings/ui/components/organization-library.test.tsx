import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { CannedResponsesSettingsView } from "@/modules/canned-responses/ui/views/canned-responses-settings-view";
import { TagsSettingsView } from "@/modules/triage/ui/views/tags-settings-view";
import { convex } from "@/test/convex-double";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";

vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);

beforeEach(() => {
  convex.calls = [];
  convex.refusals = {};
  convex.answers["private/tags:list"] = [
    { _id: "t1", name: "Billing", color: "teal" },
    { _id: "t2", name: "Bug", color: "red" },
  ];
  convex.answers["private/cannedResponses:list"] = [
    {
      _id: "r1",
      title: "Refund on its way",
      shortcut: "refund",
      body: "Hi {{contact.name}}, refunded.",
      language: "en",
    },
  ];
});
afterEach(cleanup);

const as = (role: "owner" | "member") =>
  (convex.answers["private/organization:current"] = { userId: "u1", role });

function renderView(view: "tags" | "canned", locale: "en" | "pt-BR" = "en") {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      {view === "tags" ? <TagsSettingsView /> : <CannedResponsesSettingsView />}
    </NextIntlClientProvider>,
  );
}

describe("an organization's shared list in Settings (tags, canned responses)", () => {
  it("lets a member read it, and tells them only admins change it", () => {
    as("member");
    renderView("tags");
    expect(screen.getByText("Only admins can change tags.")).toBeTruthy();
    const list = screen.getByRole("list", { name: "Tags" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["Billing", "Bug"]);
    expect(screen.queryAllByRole("button")).toEqual([]);
  });

  it("gives an admin the add form, and edits an entry in place", async () => {
    as("owner");
    renderView("canned");
    expect(screen.getByRole("button", { name: "Add response" })).toBeTruthy();
    const entry = screen.getAllByRole("listitem")[0]!;
    expect(entry.textContent).toContain("/refund");
    fireEvent.click(within(entry).getByRole("button", { name: "Edit" }));
    const title = within(entry).getByDisplayValue("Refund on its way");
    fireEvent.change(title, { target: { value: "Refund sent" } });
    fireEvent.click(within(entry).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(within(entry).queryByRole("button", { name: "Save" })).toBeNull());
    expect(convex.calls).toEqual([
      {
        name: "private/cannedResponses:update",
        args: {
          cannedResponseId: "r1",
          title: "Refund sent",
          shortcut: "refund",
          body: "Hi {{contact.name}}, refunded.",
          language: "en",
        },
      },
    ]);
  });

  it("removes an entry once the admin confirms, and shows a refusal, in pt-BR", async () => {
    as("owner");
    convex.refusals["private/tags:remove"] = "UNAUTHORIZED";
    renderView("tags", "pt-BR");
    const entry = screen.getAllByRole("listitem")[1]!;
    fireEvent.click(within(entry).getByRole("button", { name: "Remover" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Remover a etiqueta Bug?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Remover" }));
    await waitFor(() =>
      expect(convex.calls).toEqual([{ name: "private/tags:remove", args: { tagId: "t2" } }]),
    );
    expect((await screen.findByRole("alert")).textContent).not.toBe("");
  });
});
