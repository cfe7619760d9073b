import { describe, expect, it } from "vitest";

import { FIELD_KEY, splitOptions, suggestFieldKey } from "./field-key";

describe("suggestFieldKey", () => {
  it("turns a label into a key the backend accepts", () => {
    expect(suggestFieldKey("Plano do cliente")).toBe("plano_do_cliente");
    expect(suggestFieldKey("Renovação (data)")).toBe("renovacao_data");
    expect(suggestFieldKey("2FA enabled?")).toBe("f_2fa_enabled");
    expect(suggestFieldKey("  ")).toBe("");
    const long = suggestFieldKey("a very long label that goes on and on past forty characters");
    expect(long.length).toBeLessThanOrEqual(40);
    for (const key of ["plano_do_cliente", "f_2fa_enabled", long]) expect(key).toMatch(FIELD_KEY);
  });

  it("reads select options separated by commas or lines", () => {
    expect(splitOptions("Free, Pro\nEnterprise,, ")).toEqual(["Free", "Pro", "Enterprise"]);
  });
});
