import { describe, expect, test } from "vitest";

import { attentionEvents, titleWithUnread, type AttentionConversation } from "./attention-events";

const conversation = (
  id: string,
  fields: Partial<AttentionConversation> = {},
): AttentionConversation => ({
  _id: id,
  contactName: `Contact ${id}`,
  escalatedAt: null,
  lastMessageAt: 1,
  lastMessage: { text: "hi", author: "contact" },
  ...fields,
});

describe("attentionEvents", () => {
  test("the first snapshot announces nothing", () => {
    expect(
      attentionEvents(null, { escalated: [conversation("a", { escalatedAt: 5 })], assigned: [] }),
    ).toEqual([]);
  });

  test("a newly escalated conversation, or one escalated again, is announced once", () => {
    const before = { escalated: [conversation("a", { escalatedAt: 5 })], assigned: [] };
    const after = {
      escalated: [conversation("b", { escalatedAt: 9 }), conversation("a", { escalatedAt: 5 })],
      assigned: [],
    };
    expect(attentionEvents(before, after).map((e) => [e.kind, e.conversation._id])).toEqual([
      ["escalation", "b"],
    ]);
    expect(attentionEvents(after, after)).toEqual([]);
    const again = { escalated: [conversation("a", { escalatedAt: 12 })], assigned: [] };
    expect(attentionEvents(after, again).map((e) => e.conversation._id)).toEqual(["a"]);
  });

  test("a visitor's new message in a conversation assigned to me is announced; my own reply and a new assignment are not", () => {
    const before = { escalated: [], assigned: [conversation("a", { lastMessageAt: 1 })] };
    const visitorWrote = {
      escalated: [],
      assigned: [conversation("a", { lastMessageAt: 2 }), conversation("b", { lastMessageAt: 3 })],
    };
    expect(attentionEvents(before, visitorWrote).map((e) => [e.kind, e.conversation._id])).toEqual([
      ["assignedMessage", "a"],
    ]);
    const iReplied = {
      escalated: [],
      assigned: [
        conversation("a", { lastMessageAt: 4, lastMessage: { text: "ok", author: "operator" } }),
      ],
    };
    expect(attentionEvents(visitorWrote, iReplied)).toEqual([]);
  });
});

describe("titleWithUnread", () => {
  test("prefixes the count, replaces an old one, and drops it at zero", () => {
    expect(titleWithUnread("Echo", 3)).toBe("(3) Echo");
    expect(titleWithUnread("(3) Echo", 4)).toBe("(4) Echo");
    expect(titleWithUnread("(4) Echo", 0)).toBe("Echo");
    expect(titleWithUnread("Echo", 250)).toBe("(99+) Echo");
    expect(titleWithUnread("(99+) Echo", 1)).toBe("(1) Echo");
  });
});
