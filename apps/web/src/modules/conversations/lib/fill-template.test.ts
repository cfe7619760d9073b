import { describe, expect, test } from "vitest";

import { fillTemplate } from "./fill-template";

describe("filling a template's body", () => {
  test("each {{n}} takes the n-th value; a blank one stays a placeholder", () => {
    expect(fillTemplate("Hello {{1}}, order {{2}} ({{ 1 }})", ["Maria", " 1234 "])).toBe(
      "Hello Maria, order 1234 (Maria)",
    );
    expect(fillTemplate("Hello {{1}}, order {{2}}", ["Maria", ""])).toBe(
      "Hello Maria, order {{2}}",
    );
  });
});
