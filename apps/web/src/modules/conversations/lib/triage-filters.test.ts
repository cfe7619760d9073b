import { describe, expect, test } from "vitest";

import { parseTriageFilters, triageQueryArgs, writeTriageFilters } from "./triage-filters";

describe("inbox triage filters in the URL", () => {
  test("reads tag, priority, sort and the snoozed view; unknown values are no filter", () => {
    expect(
      parseTriageFilters(new URLSearchParams("tag=t1&priority=urgent&sort=priority&view=snoozed")),
    ).toEqual({ tag: "t1", priority: "urgent", sort: "priority", snoozed: true });
    expect(parseTriageFilters(new URLSearchParams("priority=critical&sort=oldest&view=x"))).toEqual(
      { tag: null, priority: "all", sort: "recent", snoozed: false },
    );
  });

  test("writes only what changed and drops defaults", () => {
    const params = new URLSearchParams("status=escalated&tag=t1&view=snoozed");
    writeTriageFilters(params, { tag: null, priority: "high", snoozed: false });
    expect(params.toString()).toBe("status=escalated&priority=high");
    writeTriageFilters(params, { sort: "priority", priority: "all" });
    expect(params.toString()).toBe("status=escalated&sort=priority");
  });

  test("turns into the inbox query's arguments", () => {
    expect(
      triageQueryArgs({ tag: "t1", priority: "none", sort: "recent", snoozed: false }),
    ).toEqual({ tagId: "t1", priority: "none", sort: undefined, snoozed: undefined });
  });
});
