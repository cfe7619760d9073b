import { cleanup, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";

import ptBR from "../../../../../messages/pt-BR.json";
import { VolumeChart } from "./volume-chart";

afterEach(cleanup);

const days = Array.from({ length: 30 }, (_, index) => ({
  day: new Date(Date.UTC(2026, 10, 7 + index)).toISOString().slice(0, 10),
  conversations: index % 5,
  escalated: index % 2,
  resolvedByAgent: 0,
}));

describe("VolumeChart's dates on a phone", () => {
  it("shows four pt-BR dates at 390 px (the first, the last, evenly between) and seven on wider screens", () => {
    render(
      <NextIntlClientProvider locale="pt-BR" messages={ptBR} timeZone="UTC">
        <VolumeChart days={days} />
      </NextIntlClientProvider>,
    );
    const labels = [...screen.getByTestId("volume-chart-x-axis").children];
    expect(labels).toHaveLength(7);
    // Below Tailwind's sm breakpoint `hidden` applies; `sm:inline` shows the label again above it.
    const onPhones = labels.filter((label) => !label.classList.contains("hidden"));
    expect(onPhones.map((label) => label.textContent)).toEqual([
      "7 de nov.",
      "17 de nov.",
      "26 de nov.",
      "6 de dez.",
    ]);
    for (const label of labels.filter((label) => label.classList.contains("hidden")))
      expect(label.classList.contains("sm:inline")).toBe(true);
  });
});
