import { describe, expect, it } from "vitest";

import { sortChronologically } from "./message-list";

describe("sortChronologically", () => {
  it("orders by message order, then step, then creation time", () => {
    const messages = [
      { key: "reply", order: 2, stepOrder: 0, _creationTime: 30 },
      { key: "tool", order: 1, stepOrder: 1, _creationTime: 21 },
      { key: "question", order: 1, stepOrder: 0, _creationTime: 20 },
      { key: "greeting", order: 0, stepOrder: 0, _creationTime: 10 },
    ];
    expect(sortChronologically(messages).map((message) => message.key)).toEqual([
      "greeting",
      "question",
      "tool",
      "reply",
    ]);
    expect(messages[0]!.key).toBe("reply");
  });
});
