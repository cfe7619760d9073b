import { describe, expect, it } from "vitest";

import { provenanceOf } from "./answer-provenance";

describe("provenanceOf", () => {
  it("lists the tool calls and the passages each search returned, with file, section and score", () => {
    const parts = [
      { type: "step-start" },
      {
        type: "tool-searchKnowledge",
        state: "output-available",
        input: { query: "reset password" },
        output: {
          found: true,
          passages: [
            { source: "security.md", section: "security.md › Reset", text: "…", score: 0.81 },
          ],
        },
      },
      {
        type: "tool-escalateConversation",
        input: { reason: "visitor_request" },
        output: { type: "json", value: { escalated: true } },
      },
      { type: "text", text: "Click Forgot password." },
    ];
    expect(provenanceOf(parts)).toEqual({
      toolCalls: [
        { name: "searchKnowledge", input: '{"query":"reset password"}' },
        { name: "escalateConversation", input: '{"reason":"visitor_request"}' },
      ],
      passages: [{ file: "security.md", section: "security.md › Reset", score: 0.81 }],
    });
  });

  it("reads a result wrapped as json, and an answer with no tools has nothing to show", () => {
    const wrapped = {
      type: "tool-searchKnowledge",
      input: { query: "x" },
      output: {
        type: "json",
        value: { passages: [{ source: "a.md", section: "a.md", score: 1 }] },
      },
    };
    expect(provenanceOf([wrapped]).passages).toEqual([{ file: "a.md", section: "a.md", score: 1 }]);
    expect(provenanceOf([{ type: "text" }])).toEqual({ toolCalls: [], passages: [] });
  });
});
