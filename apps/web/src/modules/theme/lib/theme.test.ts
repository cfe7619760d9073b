import { describe, expect, it } from "vitest";

import { parseTheme, themeCookie } from "./theme";

describe("theme", () => {
  it("reads dark only when the cookie says so", () => {
    expect(parseTheme("dark")).toBe("dark");
    expect(parseTheme("light")).toBe("light");
    expect(parseTheme(undefined)).toBe("light");
    expect(parseTheme("<script>")).toBe("light");
  });

  it("keeps the choice for the whole dashboard", () => {
    expect(themeCookie("dark")).toBe("echo-theme=dark; path=/; max-age=31536000; samesite=lax");
  });
});
