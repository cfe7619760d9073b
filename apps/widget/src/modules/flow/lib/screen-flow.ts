/** The widget's screens and how the visitor moves between them; pure, so the flow is testable. */

export type Screen =
  | "loading"
  | "error"
  | "auth"
  | "selection"
  | "chat"
  | "inbox"
  | "voice"
  | "contact";

export type FlowError =
  | "MISSING_ORGANIZATION"
  | "ORGANIZATION_NOT_FOUND"
  | "UNAVAILABLE"
  | "UNEXPECTED";

export type FlowState = {
  screen: Screen;
  error: FlowError | null;
  /** Why the auth screen is asking again (shown above the form). */
  notice: "SESSION_EXPIRED" | null;
  /** null on the chat screen means "a new conversation, created on the first message". */
  conversationId: string | null;
  /** The composer's text; kept across a session expiry so nothing typed is lost. */
  draft: string;
  /** Where to go once the visitor has identified again after an expiry. */
  resumeTo: "chat" | null;
};

export type FlowAction =
  | { type: "failed"; error: FlowError }
  | {
      type: "loaded";
      organization: "valid" | "not_found";
      session: "valid" | "missing" | "expired";
      /** The conversation the visitor was in when the widget last showed, to reopen it. */
      conversationId?: string;
    }
  | { type: "authenticated" }
  | { type: "sessionExpired" }
  | { type: "navigate"; screen: "selection" | "inbox" | "voice" | "contact" }
  | { type: "startConversation" }
  | { type: "openConversation"; conversationId: string }
  | { type: "conversationCreated"; conversationId: string }
  | { type: "draftChanged"; draft: string }
  /** The composer's text left for the server: the box empties at once. */
  | { type: "sendStarted" }
  /** The server refused or never got it: the text goes back into the box. */
  | { type: "sendFailed"; text: string }
  | { type: "back" }
  | { type: "retry" };

export const initialFlow: FlowState = {
  screen: "loading",
  error: null,
  notice: null,
  conversationId: null,
  draft: "",
  resumeTo: null,
};

const SESSION_SCREENS: ReadonlySet<Screen> = new Set([
  "selection",
  "chat",
  "inbox",
  "voice",
  "contact",
]);

export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case "failed":
      return { ...state, screen: "error", error: action.error };
    case "loaded":
      if (state.screen !== "loading") return state;
      if (action.organization === "not_found") {
        return { ...state, screen: "error", error: "ORGANIZATION_NOT_FOUND" };
      }
      if (action.session === "valid") {
        return action.conversationId
          ? { ...state, screen: "chat", conversationId: action.conversationId }
          : { ...state, screen: "selection" };
      }
      return {
        ...state,
        screen: "auth",
        notice: action.session === "expired" ? "SESSION_EXPIRED" : null,
      };
    case "authenticated":
      if (state.screen !== "auth") return state;
      // The old conversation belonged to the expired session; the draft starts a new one.
      return state.resumeTo === "chat"
        ? { ...state, screen: "chat", notice: null, resumeTo: null, conversationId: null }
        : { ...state, screen: "selection", notice: null };
    case "sessionExpired":
      if (!SESSION_SCREENS.has(state.screen)) return state;
      return {
        ...state,
        screen: "auth",
        notice: "SESSION_EXPIRED",
        resumeTo: state.screen === "chat" ? "chat" : null,
      };
    case "navigate":
      if (!SESSION_SCREENS.has(state.screen)) return state;
      return { ...state, screen: action.screen };
    case "startConversation":
      if (!SESSION_SCREENS.has(state.screen)) return state;
      return { ...state, screen: "chat", conversationId: null };
    case "openConversation":
      if (!SESSION_SCREENS.has(state.screen)) return state;
      return { ...state, screen: "chat", conversationId: action.conversationId };
    case "conversationCreated":
      return state.screen === "chat" && state.conversationId === null
        ? { ...state, conversationId: action.conversationId }
        : state;
    case "draftChanged":
      return { ...state, draft: action.draft };
    case "sendStarted":
      return { ...state, draft: "" };
    case "sendFailed":
      // Anything typed since the send stays, after the text that failed.
      if (!action.text) return state;
      return { ...state, draft: state.draft ? `${action.text}\n${state.draft}` : action.text };
    case "retry":
      return { ...initialFlow, draft: state.draft };
    case "back":
      return SESSION_SCREENS.has(state.screen) && state.screen !== "selection"
        ? { ...state, screen: "selection" }
        : state;
  }
}
