import { describe, expect, test } from "vitest";
import { tempDir } from "../../test/helpers.ts";
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

  test("outcomes stay findable by (session, request) before, across and after their move into the keyed table, and across a reopen", () => {
    const { dir, cleanup } = tempDir();
    try {
      const first = openDatabase(dir);
      let requests = new SessionRequests(first);
      // Two and a half moves' worth, interleaving sessions as concurrent clients do.
      const count = 2500;
      first.exec("BEGIN");
      for (let i = 0; i < count; i++)
        requests.add(`s${i % 7}`, i, JSON.stringify({ value: i, logLines: [] }), BigInt(1000 + i));
      first.exec("COMMIT");
      const expectAll = () => {
        for (let i = 0; i < count; i++)
          expect(requests.get(`s${i % 7}`, i)).toEqual({
            outcome: JSON.stringify({ value: i, logLines: [] }),
            ts: BigInt(1000 + i),
          });
        expect(requests.get("s0", 1)).toBeNull();
        for (let s = 0; s < 7; s++) expect(requests.seen(`s${s}`)).toBe(true);
        expect(requests.seen("s7")).toBe(false);
      };
      expectAll();
      first.close();
      const db = openDatabase(dir);
      requests = new SessionRequests(db);
      expectAll();
      // Only the ones not yet moved wait in the recent table.
      const recent = Number(
        db.prepare("SELECT count(*) AS n FROM session_requests_recent").get()!.n,
      );
      expect(recent).toBe(count % 1024);
      requests.forgetBefore(BigInt(1000 + 2400));
      expect(requests.get("s0", 0)).toBeNull();
      expect(requests.get(`s${2399 % 7}`, 2399)).toBeNull();
      expect(requests.get(`s${2400 % 7}`, 2400)).not.toBeNull();
      db.close();
    } finally {
      cleanup();
    }
  });

  test("a request recorded twice keeps its first outcome once moved", () => {
    const requests = new SessionRequests(openDatabase(":memory:"));
    requests.add("s1", 0, "first", 1n);
    requests.add("s1", 0, "second", 2n);
    for (let i = 1; i < 1024; i++) requests.add("s2", i, "other", BigInt(2 + i));
    expect(requests.get("s1", 0)).toEqual({ outcome: "first", ts: 1n });
  });
});
