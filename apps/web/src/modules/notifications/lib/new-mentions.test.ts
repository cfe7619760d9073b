import { describe, expect, it } from "vitest";

import { newMentions } from "./new-mentions";

const mention = (id: string) => ({
  _id: id,
  conversationId: "c1",
  contactName: "Vera",
  authorName: "Ana",
  text: "look",
});

describe("newMentions", () => {
  it("announces nothing on load, then only mentions not seen before", () => {
    expect(newMentions(null, [mention("m1")])).toEqual([]);
    expect(newMentions([mention("m1")], [mention("m2"), mention("m1")])).toEqual([mention("m2")]);
    expect(newMentions([mention("m2"), mention("m1")], [mention("m2"), mention("m1")])).toEqual([]);
  });
});
