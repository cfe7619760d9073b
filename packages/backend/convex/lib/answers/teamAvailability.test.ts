import { describe, expect, test } from "vitest";

import { approximateDuration, availabilityNote, withAvailability } from "./teamAvailability";

const away = {
  open: false,
  // Monday 2026-12-07 12:00 UTC, 09:00 in São Paulo.
  nextOpenAt: Date.UTC(2026, 11, 7, 12, 0),
  timeZone: "America/Sao_Paulo",
  typicalReplyMs: 600_000,
};

describe("team availability after an escalation", () => {
  test("away: says when the team is back, in the team's time zone and the visitor's language", () => {
    expect(availabilityNote("en", away)).toMatch(
      /^Our team is away right now and back Monday, 9:00\sAM GMT-3\.$/,
    );
    expect(availabilityNote("pt-BR", away)).toMatch(
      /^Nossa equipe está fora agora e volta segunda-feira,? 09:00 (BRT|GMT-3)\.$/,
    );
    expect(availabilityNote("en", { ...away, nextOpenAt: null })).toBe(
      "Our team is away at the moment.",
    );
  });

  test("in: says how fast the team typically replies, or nothing without a history", () => {
    const open = { ...away, open: true };
    expect(availabilityNote("en", open)).toBe("The team typically replies in about 10 minutes.");
    expect(availabilityNote("pt-BR", open)).toBe(
      "A equipe costuma responder em cerca de 10 minutos.",
    );
    expect(availabilityNote("en", { ...open, typicalReplyMs: null })).toBe("");
    expect(withAvailability("Of course.", "en", { ...open, typicalReplyMs: null })).toBe(
      "Of course.",
    );
  });

  test("durations round to minutes, hours or days", () => {
    expect(approximateDuration(20_000, "en")).toBe("1 minute");
    expect(approximateDuration(3 * 3_600_000, "en")).toBe("3 hours");
    expect(approximateDuration(3 * 86_400_000, "pt-BR")).toBe("3 dias");
  });
});
