import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";

import en from "../../../../../messages/en.json";
import { type Language, toForm, validateForm } from "../../lib/widget-settings-form";
import { CopyFields } from "./copy-fields";

afterEach(cleanup);

function Harness() {
  const [form, setForm] = useState(
    toForm({
      greeting: "Hi!",
      suggestions: ["Pricing"],
      colors: { primary: "#2563eb", background: "#ffffff", text: "#0f172a" },
      position: "bottom-right",
      defaultLanguage: "en",
      voice: { enabled: false },
    }),
  );
  const [language, setLanguage] = useState<Language>("en");
  return (
    <>
      <output data-testid="copy">{JSON.stringify(form.copy)}</output>
      <CopyFields
        form={form}
        language={language}
        onLanguage={setLanguage}
        problems={validateForm(form)}
        update={(change) =>
          setForm((current) => {
            const next = structuredClone(current);
            change(next);
            return next;
          })
        }
      />
    </>
  );
}

describe("CopyFields", () => {
  it("edits the greeting and suggestions of each language separately", () => {
    render(
      <NextIntlClientProvider locale="en" messages={en}>
        <Harness />
      </NextIntlClientProvider>,
    );
    expect((screen.getByLabelText("Greeting in English") as HTMLTextAreaElement).value).toBe("Hi!");
    fireEvent.click(screen.getByRole("button", { name: "Português (Brasil)" }));
    expect(screen.getByText(/Left blank, they get a standard greeting/)).toBeTruthy();
    const greeting = screen.getByLabelText("Greeting in Português (Brasil)") as HTMLTextAreaElement;
    expect(greeting.value).toBe("");
    fireEvent.change(greeting, { target: { value: "Olá!" } });
    fireEvent.change(screen.getByLabelText("Suggestion 1"), { target: { value: "Preços" } });
    expect(JSON.parse(screen.getByTestId("copy").textContent!)).toEqual({
      en: { greeting: "Hi!", suggestions: ["Pricing", "", ""] },
      "pt-BR": { greeting: "Olá!", suggestions: ["Preços", "", ""] },
    });
    fireEvent.click(screen.getByRole("button", { name: "English · default" }));
    expect((screen.getByLabelText("Suggestion 1") as HTMLInputElement).value).toBe("Pricing");
  });
});
