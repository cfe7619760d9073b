import { describe, expect, it } from "vitest";

import { interleaveNotes, sortChronologically } from "./message-list";

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

describe("interleaveNotes", () => {
  const note = (id: string, at: number) => ({
    _id: id,
    _creationTime: at,
    authorName: "Ana",
    text: id,
  });
  const messages = [
    { key: "q", _creationTime: 10 },
    { key: "a", _creationTime: 20 },
    { key: "r", _creationTime: 30 },
  ];
  const order = (
    entries: ReturnType<typeof interleaveNotes<(typeof messages)[number], ReturnType<typeof note>>>,
  ) =>
    entries.map((entry) => (entry.kind === "note" ? `note:${entry.note._id}` : entry.message.key));

  it("puts each note where it was written, keeping the thread's order", () => {
    expect(order(interleaveNotes(messages, [note("late", 40), note("mid", 25)], true))).toEqual([
      "q",
      "a",
      "note:mid",
      "r",
      "note:late",
    ]);
  });

  it("holds back notes older than the loaded page until the thread is complete", () => {
    expect(order(interleaveNotes(messages.slice(1), [note("early", 5)], false))).toEqual([
      "a",
      "r",
    ]);
    expect(order(interleaveNotes(messages, [note("early", 5)], true))[0]).toBe("note:early");
  });
});
