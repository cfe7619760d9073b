import { readdirSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, test } from "vitest";

import en from "../../../../messages/en.json";
import ptBR from "../../../../messages/pt-BR.json";
import { SETTINGS_SECTIONS, sectionsFor } from "./settings-sections";

const lookup = (messages: object, key: string) =>
  key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);

describe("settings sections", () => {
  test("Clerk keeps passwords and two-factor authentication in its own profile", () => {
    expect(sectionsFor("self-hosted").map((s) => s.segment)).toContain("security");
    expect(sectionsFor("clerk").map((s) => s.segment)).not.toContain("security");
  });

  test("every section's label is translated in en and pt-BR, and each segment is unique", () => {
    for (const { label } of SETTINGS_SECTIONS) {
      expect(typeof lookup(en, label), label).toBe("string");
      expect(typeof lookup(ptBR, label), label).toBe("string");
    }
    const segments = SETTINGS_SECTIONS.map((s) => s.segment);
    expect(new Set(segments).size).toBe(segments.length);
  });

  test("every page under Settings is reachable from its navigation", () => {
    const pages = readdirSync(join(__dirname, "../../../app/[locale]/(dashboard)/settings"), {
      withFileTypes: true,
    })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(SETTINGS_SECTIONS.map((s) => s.segment).sort()).toEqual(pages.sort());
  });
});
