import { afterAll, describe, expect, it } from "vitest";

import { convexClientFor } from "./convex-client-provider";

describe("convexClientFor in the browser", () => {
  const first = convexClientFor("http://127.0.0.1:3210");
  const other = convexClientFor("http://127.0.0.1:3999");
  afterAll(async () => {
    await Promise.all([first.close(), other.close()]);
  });

  it("gives a layout that mounts again (a language change) the page's same client", () => {
    expect(convexClientFor("http://127.0.0.1:3210")).toBe(first);
  });

  it("gives another deployment its own client", () => {
    expect(other).not.toBe(first);
    expect(other.url).toBe("http://127.0.0.1:3999");
  });
});
