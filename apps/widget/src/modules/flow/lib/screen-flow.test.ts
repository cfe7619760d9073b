import { describe, expect, it } from "vitest";

import { type FlowAction, flowReducer, type FlowState, initialFlow } from "./screen-flow";

function run(...actions: FlowAction[]): FlowState {
  return actions.reduce(flowReducer, initialFlow);
}

const validOrg = { type: "loaded", organization: "valid" } as const;

describe("screen flow", () => {
  it("starts on the loading screen", () => {
    expect(initialFlow.screen).toBe("loading");
  });

  it("shows the error screen for an unknown organization", () => {
    const state = run({ type: "loaded", organization: "not_found", session: "missing" });
    expect(state).toMatchObject({ screen: "error", error: "ORGANIZATION_NOT_FOUND" });
  });

  it("asks for name and email without a stored session, and says so when it expired", () => {
    expect(run({ ...validOrg, session: "missing" })).toMatchObject({
      screen: "auth",
      notice: null,
    });
    expect(run({ ...validOrg, session: "expired" })).toMatchObject({
      screen: "auth",
      notice: "SESSION_EXPIRED",
    });
  });

  it("resumes a valid stored session at the selection screen", () => {
    expect(run({ ...validOrg, session: "valid" }).screen).toBe("selection");
  });

  it("reopens the conversation the visitor was in when the stored session is still valid", () => {
    expect(run({ ...validOrg, session: "valid", conversationId: "c_1" })).toMatchObject({
      screen: "chat",
      conversationId: "c_1",
    });
    expect(run({ ...validOrg, session: "expired", conversationId: "c_1" })).toMatchObject({
      screen: "auth",
      conversationId: null,
    });
  });

  it("goes from auth to selection, then to each screen and back", () => {
    const selection = run({ ...validOrg, session: "missing" }, { type: "authenticated" });
    expect(selection.screen).toBe("selection");
    for (const screen of ["inbox", "voice", "contact"] as const) {
      const there = flowReducer(selection, { type: "navigate", screen });
      expect(there.screen).toBe(screen);
      expect(flowReducer(there, { type: "back" }).screen).toBe("selection");
    }
  });

  it("starts a new chat without a conversation and records it once created", () => {
    const chat = run({ ...validOrg, session: "valid" }, { type: "startConversation" });
    expect(chat).toMatchObject({ screen: "chat", conversationId: null });
    const created = flowReducer(chat, { type: "conversationCreated", conversationId: "c1" });
    expect(created.conversationId).toBe("c1");
    expect(
      flowReducer(created, { type: "conversationCreated", conversationId: "c2" }).conversationId,
    ).toBe("c1");
  });

  it("opens a past conversation from the inbox", () => {
    const state = run(
      { ...validOrg, session: "valid" },
      { type: "navigate", screen: "inbox" },
      { type: "openConversation", conversationId: "c9" },
    );
    expect(state).toMatchObject({ screen: "chat", conversationId: "c9" });
  });

  it("keeps the typed draft when the session expires mid-conversation, and returns to chat", () => {
    const typing = run(
      { ...validOrg, session: "valid" },
      { type: "openConversation", conversationId: "c1" },
      { type: "draftChanged", draft: "my order never arrived" },
    );
    const expired = flowReducer(typing, { type: "sessionExpired" });
    expect(expired).toMatchObject({
      screen: "auth",
      notice: "SESSION_EXPIRED",
      draft: "my order never arrived",
    });
    const back = flowReducer(expired, { type: "authenticated" });
    // The old conversation belonged to the expired session; the draft goes into a new one.
    expect(back).toMatchObject({
      screen: "chat",
      conversationId: null,
      draft: "my order never arrived",
      notice: null,
    });
  });

  it("returns to selection after re-auth when the session expired elsewhere", () => {
    const state = run(
      { ...validOrg, session: "valid" },
      { type: "navigate", screen: "inbox" },
      { type: "sessionExpired" },
    );
    expect(flowReducer(state, { type: "authenticated" }).screen).toBe("selection");
  });

  it("clears the draft as a message leaves and puts it back if the send fails", () => {
    const state = run(
      { ...validOrg, session: "valid" },
      { type: "startConversation" },
      { type: "draftChanged", draft: "hi" },
    );
    const sending = flowReducer(state, { type: "sendStarted" });
    expect(sending.draft).toBe("");
    expect(flowReducer(sending, { type: "sendFailed", text: "hi" }).draft).toBe("hi");
    const typedSince = flowReducer(sending, { type: "draftChanged", draft: "there?" });
    expect(flowReducer(typedSince, { type: "sendFailed", text: "hi" }).draft).toBe("hi\nthere?");
    // Files sent without words leave nothing to put back.
    expect(flowReducer(typedSince, { type: "sendFailed", text: "" })).toBe(typedSince);
  });

  it("ignores moves that make no sense on the current screen", () => {
    const auth = run({ ...validOrg, session: "missing" });
    expect(flowReducer(auth, { type: "navigate", screen: "inbox" })).toBe(auth);
    expect(flowReducer(auth, { type: "sessionExpired" })).toBe(auth);
    expect(flowReducer(initialFlow, { type: "authenticated" })).toBe(initialFlow);
    const selection = run({ ...validOrg, session: "valid" });
    expect(
      flowReducer(selection, { type: "loaded", organization: "not_found", session: "missing" }),
    ).toBe(selection);
  });

  it("retries from the error screen, keeping the draft", () => {
    const failed = flowReducer(
      { ...initialFlow, draft: "x" },
      { type: "failed", error: "UNAVAILABLE" },
    );
    expect(failed).toMatchObject({ screen: "error", error: "UNAVAILABLE" });
    expect(flowReducer(failed, { type: "retry" })).toEqual({ ...initialFlow, draft: "x" });
  });
});
