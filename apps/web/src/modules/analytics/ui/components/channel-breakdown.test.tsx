import { cleanup, render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { ChannelBreakdown, type ChannelFigures } from "./channel-breakdown";

afterEach(cleanup);

const MINUTE = 60_000;
// What private/channelAnalytics:byChannel returns in `channels`.
const CHANNELS: ChannelFigures[] = [
  {
    channel: "chat",
    conversations: 12,
    resolvedByAgent: 9,
    aiResolutionRate: 0.75,
    medianFirstResponseMs: 4 * MINUTE,
    medianResolutionMs: 90 * MINUTE,
  },
  {
    channel: "voice",
    conversations: 0,
    resolvedByAgent: 0,
    aiResolutionRate: null,
    medianFirstResponseMs: null,
    medianResolutionMs: null,
  },
  {
    channel: "whatsapp",
    conversations: 3,
    resolvedByAgent: 1,
    aiResolutionRate: 1 / 3,
    medianFirstResponseMs: 10 * MINUTE,
    medianResolutionMs: 30 * MINUTE + 5_000,
  },
];

function renderIn(channels: ChannelFigures[] | undefined, locale: "en" | "pt-BR" = "en") {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR} timeZone="UTC">
      <ChannelBreakdown channels={channels} />
    </NextIntlClientProvider>,
  );
}

const cells = (channel: string) =>
  within(screen.getByTestId(`channel-analytics-${channel}`))
    .getAllByRole("cell")
    .map((cell) => cell.textContent);

describe("ChannelBreakdown", () => {
  it("shows each channel's volume, AI resolution and median waits", () => {
    renderIn(CHANNELS);
    expect(screen.getByRole("heading", { name: "By channel" })).toBeTruthy();
    expect(cells("chat")).toEqual(["Chat", "12", "75% (9 conversations)", "4 min", "1 h 30 min"]);
    expect(cells("voice")).toEqual(["Voice", "0", "—", "—", "—"]);
    expect(cells("whatsapp")).toEqual([
      "WhatsApp",
      "3",
      "33% (1 conversation)",
      "10 min",
      "30 min 5 s",
    ]);
  });

  it("reads in Portuguese", () => {
    renderIn(CHANNELS, "pt-BR");
    expect(screen.getByRole("heading", { name: "Por canal" })).toBeTruthy();
    expect(cells("voice")[0]).toBe("Voz");
    expect(cells("whatsapp")[2]).toBe("33% (1 conversa)");
    expect(cells("chat")[2]).toBe("75% (9 conversas)");
    expect(
      screen.getByRole("columnheader", { name: "Mediana do tempo até a resolução" }),
    ).toBeTruthy();
  });

  it("says none when the AI resolved no conversation, in both languages", () => {
    const none = [{ ...CHANNELS[0]!, resolvedByAgent: 0, aiResolutionRate: 0 }];
    renderIn(none);
    expect(cells("chat")[2]).toBe("0% (no conversation)");
    cleanup();
    renderIn(none, "pt-BR");
    expect(cells("chat")[2]).toBe("0% (nenhuma conversa)");
  });

  it("shows a placeholder while the figures load", () => {
    renderIn(undefined);
    expect(screen.getByLabelText("Loading channel figures…")).toBeTruthy();
  });
});
