import { cleanup, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { ChannelBadge } from "./channel-badge";
import { type Delivery, DeliveryStatus } from "./delivery-status";

afterEach(cleanup);

function renderWith(node: React.ReactNode, locale: "en" | "pt-BR" = "en") {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      {node}
    </NextIntlClientProvider>,
  );
}

describe("DeliveryStatus", () => {
  it.each<[Delivery["status"], string, string]>([
    ["queued", "Queued", "Na fila"],
    ["sent", "Sent", "Enviada"],
    ["delivered", "Delivered", "Entregue"],
    ["read", "Read", "Lida"],
  ])("says %s in English and Portuguese", (status, english, portuguese) => {
    renderWith(<DeliveryStatus delivery={{ status }} />);
    expect(screen.getByText(`WhatsApp delivery: ${english}`)).toBeTruthy();
    cleanup();
    renderWith(<DeliveryStatus delivery={{ status }} />, "pt-BR");
    expect(screen.getByText(`Entrega no WhatsApp: ${portuguese}`)).toBeTruthy();
  });

  it("shows why a message was not delivered", () => {
    renderWith(
      <DeliveryStatus delivery={{ status: "failed", error: "Evolution API answered 400" }} />,
    );
    expect(screen.getByTestId("delivery-status").textContent).toBe(
      "WhatsApp delivery: Not deliveredNot delivered· Evolution API answered 400",
    );
  });
});

describe("ChannelBadge", () => {
  it("names each channel", () => {
    renderWith(
      <>
        <ChannelBadge channel="whatsapp" />
        <ChannelBadge channel="voice" />
      </>,
      "pt-BR",
    );
    expect(screen.getAllByTestId("channel-badge").map((badge) => badge.textContent)).toEqual([
      "WhatsApp",
      "Voz",
    ]);
  });
});
