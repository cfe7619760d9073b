import { describe, expect, it } from "vitest";

import en from "../../messages/en.json";
import ptBR from "../../messages/pt-BR.json";

function keyPaths(messages: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    value !== null && typeof value === "object"
      ? keyPaths(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe("dashboard messages", () => {
  it("has the same keys in en and pt-BR", () => {
    expect(keyPaths(ptBR).sort()).toEqual(keyPaths(en).sort());
  });

  it("has no empty translation", () => {
    const empty = [en, ptBR].flatMap((messages) =>
      keyPaths(messages).filter((path) => {
        const value = path
          .split(".")
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        return typeof value !== "string" || value.trim() === "";
      }),
    );
    expect(empty).toEqual([]);
  });
});
