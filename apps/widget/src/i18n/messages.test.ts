import { describe, expect, it } from "vitest";

import { ERROR_CODES } from "@/modules/errors/lib/error-code";

import en from "../../messages/en.json";
import ptBR from "../../messages/pt-BR.json";

function keyPaths(messages: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    value !== null && typeof value === "object"
      ? keyPaths(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

function valueAt(messages: Record<string, unknown>, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
}

describe("widget messages", () => {
  it("has the same keys in en and pt-BR", () => {
    expect(keyPaths(ptBR).sort()).toEqual(keyPaths(en).sort());
  });

  it("has no empty translation", () => {
    const empty = [en, ptBR].flatMap((messages) =>
      keyPaths(messages).filter((path) => {
        const value = valueAt(messages, path);
        return typeof value !== "string" || value.trim() === "";
      }),
    );
    expect(empty).toEqual([]);
  });

  it("translates every backend error code, plus the unknown fallback", () => {
    for (const code of [...ERROR_CODES, "UNKNOWN"]) {
      expect(valueAt(en, `errors.${code}`)).toEqual(expect.any(String));
      expect(valueAt(ptBR, `errors.${code}`)).toEqual(expect.any(String));
    }
  });
});
