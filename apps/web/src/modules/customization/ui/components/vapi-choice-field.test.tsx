import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { getFunctionName } from "convex/server";
import { NextIntlClientProvider } from "next-intl";
import { useState } from "react";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { useVapiChoices } from "../../hooks/use-vapi-choices";
import { VapiChoiceField } from "./vapi-choice-field";

// The backend, at the Convex client boundary: the Vapi plugin's state and its two list actions.
const backend = vi.hoisted(() => ({
  state: "connected",
  calls: [] as string[],
  actions: new Map<string, () => Promise<unknown>>(),
}));
vi.mock("convex/react", () => ({
  useQuery: () => ({ service: "vapi", state: backend.state, configured: true }),
  // Stable per function, as Convex's own useAction is.
  useAction: (ref: Parameters<typeof getFunctionName>[0]) => {
    const name = getFunctionName(ref);
    if (!backend.actions.has(name)) backend.actions.set(name, action(name));
    return backend.actions.get(name);
  },
}));

function action(name: string) {
  return async () => {
    backend.calls.push(name);
    return name === "private/plugins:listAssistants"
      ? [
          { id: "asst_1", name: "Front desk", createdAt: null },
          { id: "asst_2", name: null, createdAt: null },
        ]
      : [
          { id: "pn_1", number: "+15550100", name: "Support line", provider: "vapi" },
          { id: "pn_2", number: null, name: "SIP trunk", provider: "byo" },
        ];
  };
}

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
beforeEach(() => {
  backend.state = "connected";
  backend.calls = [];
});
afterEach(cleanup);

function VoiceFields({ initial = { assistant: "", phone: "" } }) {
  const vapi = useVapiChoices();
  const [assistant, setAssistant] = useState(initial.assistant);
  const [phone, setPhone] = useState(initial.phone);
  return (
    <>
      <label htmlFor="assistant">Voice assistant</label>
      <VapiChoiceField
        id="assistant"
        value={assistant}
        onChange={setAssistant}
        choices={vapi?.assistants ?? null}
      />
      <label htmlFor="phone">Phone number</label>
      <VapiChoiceField
        id="phone"
        value={phone}
        onChange={setPhone}
        choices={vapi?.phoneNumbers ?? null}
      />
      <output data-testid="values">{`${assistant}|${phone}`}</output>
    </>
  );
}

function renderFields(
  locale: "en" | "pt-BR" = "en",
  initial?: { assistant: string; phone: string },
) {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <VoiceFields initial={initial} />
    </NextIntlClientProvider>,
  );
}

async function open(name: string) {
  const trigger = await screen.findByRole("combobox", { name });
  act(() => {
    trigger.focus();
    fireEvent.keyDown(trigger, { key: "Enter" });
  });
  return within(screen.getByRole("listbox")).getAllByRole("option");
}

describe("voice assistant and phone number in Widget customization", () => {
  it("are picked from the assistants and numbers Vapi lists, None first", async () => {
    renderFields();
    const assistants = await open("Voice assistant");
    expect(assistants.map((option) => option.textContent)).toEqual([
      "None",
      "Front desk",
      "asst_2",
    ]);
    await act(async () => fireEvent.keyDown(assistants[1]!, { key: "Enter" }));
    const numbers = await open("Phone number");
    // A number Vapi has not given a phone number to (a SIP trunk) cannot be called.
    expect(numbers.map((option) => option.textContent)).toEqual([
      "None",
      "+15550100 (Support line)",
    ]);
    await act(async () => fireEvent.keyDown(numbers[1]!, { key: "Enter" }));
    expect(screen.getByTestId("values").textContent).toBe("asst_1|+15550100");
    expect(backend.calls.sort()).toEqual([
      "private/plugins:listAssistants",
      "private/plugins:listPhoneNumbers",
    ]);
  }, 30_000);

  it("keep a saved value Vapi no longer lists, marked, in Portuguese too", async () => {
    renderFields("pt-BR", { assistant: "asst_gone", phone: "" });
    const trigger = await screen.findByRole("combobox", { name: "Voice assistant" });
    expect(trigger.textContent).toBe("asst_gone (não encontrado no Vapi)");
    const phone = await screen.findByRole("combobox", { name: "Phone number" });
    expect(phone.textContent).toBe("Nenhum");
  });

  it("are typed in while Vapi is not connected, and nothing is asked of Vapi", async () => {
    backend.state = "disconnected";
    renderFields();
    fireEvent.change(screen.getByRole("textbox", { name: "Voice assistant" }), {
      target: { value: "asst_typed" },
    });
    expect(screen.getByTestId("values").textContent).toBe("asst_typed|");
    expect(screen.queryByRole("combobox")).toBeNull();
    expect(backend.calls).toEqual([]);
  });
});
