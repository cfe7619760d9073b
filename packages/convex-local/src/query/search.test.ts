import { describe, expect, it } from "vitest";
import type { Value } from "convex/values";
import {
  MAX_SEARCH_RESULTS,
  parseSearchFilters,
  textSearch,
  tokenize,
  type TextSearchQuery,
} from "./search.ts";

type Doc = Record<string, Value | undefined> & { _id: string };

const docs: Doc[] = [
  { _id: "1", body: "How do I reset my password?", channel: "help", meta: { lang: "en" } },
  {
    _id: "2",
    body: "Password reset emails are delayed; password changes apply later.",
    channel: "status",
    meta: { lang: "en" },
  },
  { _id: "3", body: "Billing: update your card", channel: "help", meta: { lang: "en" } },
  { _id: "4", body: "Réinitialiser le MOT de passe", channel: "help", meta: { lang: "fr" } },
  { _id: "5", body: 42, channel: "help" },
  { _id: "6", channel: "help" },
  { _id: "7", body: "Passwords and passkeys", channel: "help" },
];

const query = (
  searchText: string,
  equalities: TextSearchQuery["equalities"] = [],
): TextSearchQuery => ({
  searchField: "body",
  searchText,
  equalities,
});
const ids = (results: { doc: Doc }[]) => results.map(({ doc }) => doc._id);

describe("tokenize", () => {
  it("splits on whitespace and punctuation, lowercases, keeps Unicode letters and digits", () => {
    expect(tokenize("Hello, WORLD! it's 2024—café_au-lait")).toEqual([
      "hello",
      "world",
      "it",
      "s",
      "2024",
      "café",
      "au",
      "lait",
    ]);
    expect(tokenize("   ")).toEqual([]);
    expect(tokenize("Ünïcode ΣΊΣΥΦΟΣ ٣٤")).toEqual(["ünïcode", "σίσυφος", "٣٤"]);
  });

  it("drops tokens of 32 UTF-8 bytes or more", () => {
    expect(tokenize(`${"a".repeat(31)} ${"b".repeat(32)} ok`)).toEqual(["a".repeat(31), "ok"]);
    expect(tokenize("é".repeat(16))).toEqual([]);
  });
});

describe("textSearch", () => {
  it("matches any term, case-insensitively, ranking more matches higher", () => {
    const results = textSearch(docs, query("PASSWORD reset"));
    // "passwords" (doc 7) does not match: only the last term matches as a prefix.
    expect(ids(results)).toEqual(["2", "1"]);
    expect(results[0]!.score).toBeGreaterThan(results[1]!.score);
  });

  it("treats only the last term as a prefix", () => {
    expect(ids(textSearch(docs, query("bill")))).toEqual(["3"]);
    expect(ids(textSearch(docs, query("bill card")))).toEqual(["3"]);
    expect(ids(textSearch(docs, query("bill xyz")))).toEqual([]);
    expect(ids(textSearch(docs, query("pass")))).toEqual(expect.arrayContaining(["1", "2", "7"]));
  });

  it("prefers rarer terms (inverse document frequency)", () => {
    const results = textSearch(docs, query("card password"));
    expect(ids(results)[0]).toBe("3");
  });

  it("applies equality filters, including on nested and missing fields", () => {
    expect(
      ids(textSearch(docs, query("password reset", [{ fieldPath: "channel", value: "help" }]))),
    ).toEqual(["1"]);
    expect(ids(textSearch(docs, query("mot", [{ fieldPath: "meta.lang", value: "fr" }])))).toEqual([
      "4",
    ]);
    expect(
      ids(textSearch(docs, query("passwords", [{ fieldPath: "meta", value: undefined }]))),
    ).toEqual(["7"]);
  });

  it("skips documents whose search field is not a string and returns nothing for empty queries", () => {
    expect(ids(textSearch(docs, query("42")))).toEqual([]);
    expect(textSearch(docs, query(" ,. "))).toEqual([]);
  });

  it("caps results at 1024 and honours a smaller limit", () => {
    const many = Array.from({ length: 1100 }, (_, i) => ({ _id: String(i), body: "same words" }));
    expect(textSearch(many, query("same"))).toHaveLength(MAX_SEARCH_RESULTS);
    expect(ids(textSearch(many, query("same"), 3))).toEqual(["0", "1", "2"]);
  });
});

describe("parseSearchFilters", () => {
  it("reads the wire filters of a Search source", () => {
    expect(
      parseSearchFilters([
        { type: "Search", fieldPath: "body", value: "hi" },
        { type: "Eq", fieldPath: "channel", value: "help" },
        { type: "Eq", fieldPath: "gone", value: { $undefined: null } },
      ]),
    ).toEqual({
      searchField: "body",
      searchText: "hi",
      equalities: [
        { fieldPath: "channel", value: "help" },
        { fieldPath: "gone", value: undefined },
      ],
    });
  });

  it("rejects queries without exactly one search expression or with bad filters", () => {
    expect(() => parseSearchFilters([{ type: "Eq", fieldPath: "a", value: 1 }])).toThrow(
      /exactly one/,
    );
    expect(() => parseSearchFilters([{ type: "Search", fieldPath: "a", value: 1 }])).toThrow(
      /must be a string/,
    );
    expect(() =>
      parseSearchFilters([
        { type: "Search", fieldPath: "a", value: "x" },
        { type: "Gt", fieldPath: "b", value: 1 },
      ]),
    ).toThrow(/Invalid search filter/);
  });
});
