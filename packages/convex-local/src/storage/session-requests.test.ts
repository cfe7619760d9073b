import { describe, expect, test } from "vitest";
import { openDatabase } from "./sqlite.ts";
import { SessionRequests } from "./session-requests.ts";

describe("SessionRequests", () => {
  test("a session is seen while one of its requests runs and once one is recorded", async () => {
    const requests = new SessionRequests(openDatabase(":memory:"));
    expect(requests.seen("s1")).toBe(false);
    let finish!: () => void;
    const running = requests.track("s1", () => new Promise<void>((r) => (finish = r)));
    const other = requests.track("s1", async () => {});
    expect(requests.seen("s1")).toBe(true);
    await other;
    expect(requests.seen("s1")).toBe(true);
    finish();
    await running;
    expect(requests.seen("s1")).toBe(false);
    requests.add("s1", 0, JSON.stringify({ value: 1, logLines: [] }), 5n);
    expect(requests.seen("s1")).toBe(true);
    expect(requests.seen("s2")).toBe(false);
    expect(requests.get("s1", 0)).toEqual({ outcome: '{"value":1,"logLines":[]}', ts: 5n });
  });

  test("a failed request stops counting as running", async () => {
    const requests = new SessionRequests(openDatabase(":memory:"));
    await expect(
      requests.track("s1", async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(requests.seen("s1")).toBe(false);
  });
});
