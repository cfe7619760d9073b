import { describe, expect, test } from "vitest";
import { parseClientMessage, ProtocolError } from "./messages.ts";

describe("parseClientMessage", () => {
  test("accepts the messages the convex client sends", () => {
    expect(
      parseClientMessage(
        JSON.stringify({
          type: "Connect",
          sessionId: "s",
          connectionCount: 0,
          lastCloseReason: "InitialConnect",
          clientTs: 1,
        }),
      ).type,
    ).toBe("Connect");
    const modify = parseClientMessage(
      JSON.stringify({
        type: "ModifyQuerySet",
        baseVersion: 0,
        newVersion: 1,
        modifications: [
          { type: "Add", queryId: 0, udfPath: "a:b", args: [{}] },
          { type: "Remove", queryId: 3 },
        ],
      }),
    );
    expect(modify).toMatchObject({ type: "ModifyQuerySet", newVersion: 1 });
    expect(
      parseClientMessage(
        JSON.stringify({ type: "Authenticate", baseVersion: 0, tokenType: "None" }),
      ).type,
    ).toBe("Authenticate");
  });

  test.each([
    ["not JSON", "{"],
    ["an array", "[]"],
    ["an unknown type", JSON.stringify({ type: "Hello" })],
    [
      "a negative version",
      JSON.stringify({ type: "ModifyQuerySet", baseVersion: -1, newVersion: 0, modifications: [] }),
    ],
    [
      "an Add without udfPath",
      JSON.stringify({
        type: "ModifyQuerySet",
        baseVersion: 0,
        newVersion: 1,
        modifications: [{ type: "Add", queryId: 0 }],
      }),
    ],
    [
      "a mutation without requestId",
      JSON.stringify({ type: "Mutation", udfPath: "a:b", args: [] }),
    ],
    [
      "a user token that is not a string",
      JSON.stringify({ type: "Authenticate", baseVersion: 0, tokenType: "User", value: 3 }),
    ],
  ])("rejects %s", (_what, text) => {
    expect(() => parseClientMessage(text)).toThrow(ProtocolError);
  });
});
