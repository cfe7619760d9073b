import type { VoiceCall } from "@echo/backend/convex/lib/validators";
import { cleanup, render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { VoiceCallPanel } from "./voice-call-panel";

afterEach(cleanup);

const call: VoiceCall = {
  callId: "call_1",
  summary: "Customer asked about a late order.",
  transcript: "AI: Hi.\nUser: My order has not arrived.",
  recordingUrl: "https://storage.vapi.ai/call_1-mono.wav",
  endedReason: "customer-ended-call",
  durationSeconds: 125.4,
  customerNumber: "+15550199",
};

function renderPanel(voiceCall: VoiceCall, locale: "en" | "pt-BR" = "en") {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <VoiceCallPanel call={voiceCall} />
    </NextIntlClientProvider>,
  );
  return screen.getByRole("region", { name: locale === "en" ? "Voice call" : "Chamada de voz" });
}

function facts(panel: HTMLElement) {
  const terms = within(panel).getAllByRole("term");
  return Object.fromEntries(
    terms.map((term) => [term.textContent, term.nextElementSibling?.textContent]),
  );
}

describe("VoiceCallPanel", () => {
  it("shows the summary, length, how the call ended, the caller and the recording", () => {
    const panel = renderPanel(call);
    expect(facts(panel)).toEqual({
      Summary: "Customer asked about a late order.",
      Duration: "2:05",
      "How it ended": "The caller hung up",
      "Caller's number": "+15550199",
    });
    expect(panel.querySelector("time")?.getAttribute("dateTime")).toBe("PT125S");
    const player = panel.querySelector("audio");
    expect(player?.getAttribute("src")).toBe(call.recordingUrl);
    expect(player?.hasAttribute("controls")).toBe(true);
    expect(player?.getAttribute("aria-label")).toBe("Call recording");
    const link = within(panel).getByRole("link", { name: "Open the recording" });
    expect(link.getAttribute("href")).toBe(call.recordingUrl);
    expect(link.getAttribute("rel")).toBe("noreferrer");
  });

  it("speaks Portuguese in pt-BR", () => {
    const panel = renderPanel({ ...call, endedReason: "silence-timed-out" }, "pt-BR");
    expect(facts(panel)).toMatchObject({
      Resumo: "Customer asked about a late order.",
      Duração: "2:05",
      "Como terminou": "Encerrada após um longo silêncio",
    });
    expect(within(panel).getByRole("link", { name: "Abrir a gravação" })).toBeTruthy();
  });

  it("says what is missing from a sparse report", () => {
    const panel = renderPanel({ callId: "call_2" });
    expect(facts(panel)).toEqual({
      Summary: "No summary was made for this call.",
      Duration: "Unknown",
      "How it ended": "Unknown",
    });
    expect(panel.querySelector("audio")).toBeNull();
    expect(within(panel).getByText("This call was not recorded.")).toBeTruthy();
  });

  it("names an unfamiliar ended reason as Vapi gave it", () => {
    const panel = renderPanel({ ...call, endedReason: "manually-canceled" });
    expect(facts(panel)["How it ended"]).toBe("Other (manually-canceled)");
  });

  it("never plays or links a recording address that is not a web address", () => {
    const panel = renderPanel({ ...call, recordingUrl: "javascript:alert(1)" });
    expect(panel.querySelector("audio")).toBeNull();
    expect(within(panel).queryByRole("link")).toBeNull();
    expect(
      within(panel).getByText(
        "The recording's address is not a web address, so it cannot be played.",
      ),
    ).toBeTruthy();
  });
});
