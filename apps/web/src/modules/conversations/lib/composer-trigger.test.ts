import { describe, expect, it } from "vitest";

import { matchesQuery, mentionedIds, replaceTrigger, triggerAt } from "./composer-trigger";

describe("triggerAt", () => {
  it("finds a / shortcut at the start of a line, in replies and notes", () => {
    expect(triggerAt("/ref", 4, false)).toEqual({ kind: "canned", query: "ref", start: 0 });
    expect(triggerAt("Hello\n/", 7, false)).toEqual({ kind: "canned", query: "", start: 6 });
    expect(triggerAt("and/or", 6, false)).toBeNull();
  });

  it("finds an @mention only in notes, after a space or at the start", () => {
    expect(triggerAt("ask @Jo", 7, true)).toEqual({ kind: "mention", query: "Jo", start: 4 });
    expect(triggerAt("ask @Jo", 7, false)).toBeNull();
    expect(triggerAt("mail me@acme", 12, true)).toBeNull();
    expect(triggerAt("@João", 5, true)).toEqual({ kind: "mention", query: "João", start: 0 });
  });

  it("looks only before the caret", () => {
    expect(triggerAt("@Ana said", 4, true)).toEqual({ kind: "mention", query: "Ana", start: 0 });
    expect(triggerAt("@Ana said", 9, true)).toBeNull();
  });
});

describe("replaceTrigger", () => {
  it("replaces the trigger's word and puts the caret after the insertion", () => {
    const trigger = triggerAt("Hi @an and", 6, true)!;
    expect(replaceTrigger("Hi @an and", trigger, 6, "@Ana Lima ")).toEqual({
      text: "Hi @Ana Lima  and",
      caret: 13,
    });
  });
});

describe("matchesQuery", () => {
  it("ignores case and accents", () => {
    expect(matchesQuery("joao", "João Silva")).toBe(true);
    expect(matchesQuery("REF", "refund", "Refund on its way")).toBe(true);
    expect(matchesQuery("xyz", "refund")).toBe(false);
  });
});

describe("mentionedIds", () => {
  it("keeps the picked members still named in the text, once each", () => {
    const picked = [
      { userId: "u1", name: "Ana Lima" },
      { userId: "u2", name: "Bruno" },
      { userId: "u1", name: "Ana Lima" },
    ];
    expect(mentionedIds("@Ana Lima please check", picked)).toEqual(["u1"]);
  });
});
