import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { convex } from "@/test/convex-double";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { MergePreview, type MergePreviewData } from "./merge-preview";

vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);
beforeEach(() => {
  convex.answers = { "private/contactFields:list": { stageLabels: {} } };
});
afterEach(cleanup);

const preview: MergePreviewData = {
  duplicate: { _id: "c2" as Id<"contacts">, name: "Vicky Work" },
  conversations: { kept: 2, duplicate: 1 },
  emails: ["vera@example.com", "vicky@example.com"],
  phones: [],
  tags: ["vip", "billing"],
  customFields: { city: "Recife", trial: true },
  conflicts: [
    { field: "stage", kept: "lead", duplicate: "customer" },
    { field: "custom:city", kept: "Recife", duplicate: "Olinda" },
  ],
};
const fields = [{ key: "city", label: "City", type: "text" as const, options: [] }];

function renderPreview(useDuplicate: string[], locale: "en" | "pt-BR" = "en") {
  const onChoose = vi.fn();
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <MergePreview
        preview={preview}
        keptName="Vera Visitor"
        fields={fields}
        useDuplicate={useDuplicate}
        onChoose={onChoose}
      />
    </NextIntlClientProvider>,
  );
  return onChoose;
}

describe("MergePreview", () => {
  it("shows what is combined, custom fields by their label", () => {
    renderPreview([]);
    expect(screen.getByText("3 (2 here + 1 from the other contact)")).toBeTruthy();
    expect(screen.getByText("vera@example.com, vicky@example.com")).toBeTruthy();
    expect(screen.getByText("vip, billing")).toBeTruthy();
    const city = screen.getAllByText("City").find((element) => element.tagName === "DT");
    expect(city?.nextElementSibling?.textContent).toBe("Recife");
    expect(screen.getByText("trial").nextElementSibling?.textContent).toBe("Yes");
  });

  it("keeps this contact's value of each conflict unless the other's is chosen", () => {
    const onChoose = renderPreview(["custom:city"]);
    const stage = screen.getByRole("radiogroup", { name: "Stage" });
    const [keepStage, takeStage] = stage.querySelectorAll("input");
    expect(keepStage!.checked).toBe(true);
    expect(stage.textContent).toContain("Lead");
    expect(stage.textContent).toContain("Customer (Vicky Work)");
    const city = screen.getByRole("radiogroup", { name: "City" });
    expect(city.querySelectorAll("input")[1]!.checked).toBe(true);
    fireEvent.click(takeStage!);
    expect(onChoose).toHaveBeenCalledWith("stage", true);
  });

  it("reads in pt-BR", () => {
    renderPreview([], "pt-BR");
    expect(screen.getByText("3 (2 aqui + 1 do outro contato)")).toBeTruthy();
    expect(screen.getByRole("radiogroup", { name: "Estágio" })).toBeTruthy();
  });
});
