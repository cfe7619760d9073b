import type * as AgentReact from "@convex-dev/agent/react";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { act, configure, screen, waitFor, within } from "@testing-library/react";
import { createChallenge, verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import userEvent from "@testing-library/user-event";
import { createStore } from "jotai";
import type { ReactNode } from "react";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { intlAtom, shellTextAtom } from "@/i18n/intl-atoms";
import { visitorIdentityAtom } from "@/modules/embed/atoms/embed-atoms";
import { shellText } from "@/i18n/shell-text";
import { convexSiteUrlAtom, organizationIdAtom } from "@/modules/session/atoms/session-atoms";
import { storageKey } from "@/modules/session/lib/contact-session-storage";
import { acmeInitialState } from "@/test/initial-state";
import { englishIntl, englishShellText, renderWithIntl } from "@/test/render-with-intl";

import { flowAtom } from "../../atoms/flow-atoms";
import { initialStateAtom } from "../../atoms/initial-state-atoms";
import { WidgetApp } from "./widget-app";
import { WidgetView } from "./widget-view";
import ptBR from "../../../../../messages/pt-BR.json";

/** A stand-in for the Convex deployment at the client boundary: functions by name, in memory. */
const backend = vi.hoisted(() => ({
  organizations: new Map<string, string>(),
  sessions: new Map<string, { organizationId: string; expired: boolean }>(),
  expireOnNextMutation: false,
  failNextMutation: null as string | null,
  /** When set, public/messages:send waits for it, as a send still on its way to the server. */
  sendInFlight: null as Promise<void> | null,
  settingsLoaded: true,
  conversations: [] as Array<Record<string, unknown>>,
  threadMessages: [] as Array<Record<string, unknown>>,
  calls: [] as Array<{ name: string; args: Record<string, unknown> }>,
  refuseNextSession: null as string | null,
  refuseNextProof: false,
  challenges: 0,
  typists: [] as Array<{ name: string | null }>,
  position: "bottom-right",
  voice: {
    connected: false,
    enabled: false,
    assistantId: null,
    phoneNumber: null,
    publicKey: null,
  } as Record<string, unknown>,
}));

/** A stand-in for the Vapi web SDK (third-party; needs a microphone and WebRTC). */
const vapi = vi.hoisted(() => ({ calls: [] as Array<{ key: string; assistantId: string }> }));
vi.mock("@vapi-ai/web", () => ({
  default: class {
    constructor(private readonly key: string) {}
    on() {}
    async start(assistantId: string) {
      vapi.calls.push({ key: this.key, assistantId });
      return null;
    }
    async stop() {}
  },
}));

const POW_SECRET = "widget-test-secret";

/**
 * The deployment's HTTP actions at their HTTP boundary, as packages/backend/convex/http.ts answers
 * them: `GET /widget/contact-sessions/challenge` hands out an altcha proof-of-work (made easy
 * here) and `POST /widget/contact-sessions` refuses a body without its solution, sharing the
 * in-memory sessions above.
 */
let site: Server;
let siteUrl = "";
beforeAll(async () => {
  site = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", async () => {
      response.setHeader("Content-Type", "application/json");
      if (
        request.method === "GET" &&
        request.url?.startsWith("/widget/contact-sessions/challenge")
      ) {
        backend.challenges++;
        const challenge = await createChallenge({
          algorithm: "PBKDF2/SHA-256",
          cost: 1,
          counter: 5,
          deriveKey,
          hmacSignatureSecret: POW_SECRET,
        });
        response.end(JSON.stringify(challenge));
        return;
      }
      if (request.method !== "POST" || request.url !== "/widget/contact-sessions") {
        response.writeHead(404).end();
        return;
      }
      const args = JSON.parse(body) as Record<string, unknown>;
      backend.calls.push({ name: "POST /widget/contact-sessions", args });
      const proof = args.proof as Parameters<typeof verifySolution>[0] | undefined;
      const verified =
        proof?.challenge &&
        (await verifySolution({ ...proof, deriveKey, hmacSignatureSecret: POW_SECRET })).verified;
      if (!verified || backend.refuseNextProof) {
        backend.refuseNextProof = false;
        response.writeHead(403).end(JSON.stringify({ code: "CHALLENGE_FAILED" }));
        return;
      }
      if (backend.refuseNextSession) {
        const code = backend.refuseNextSession;
        backend.refuseNextSession = null;
        response.writeHead(400).end(JSON.stringify({ code, message: code }));
        return;
      }
      const contactSessionId = `session_${backend.sessions.size + 1}`;
      backend.sessions.set(contactSessionId, {
        organizationId: args.organizationId as string,
        expired: false,
      });
      response.end(JSON.stringify({ contactSessionId, expiresAt: Date.now() + 86_400_000 }));
    });
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

vi.mock("convex/react", async () => {
  const { getFunctionName: nameOf } = await import("convex/server");
  const { ConvexError: Failure } = await import("convex/values");
  const settings = {
    greeting: "Welcome to Acme!",
    suggestions: ["Where is my order?"],
    translations: [
      { language: "pt-BR", greeting: "Bem-vindo à Acme!", suggestions: ["Cadê meu pedido?"] },
    ],
    colors: { primary: "#2563eb", background: "#ffffff", text: "#0f172a" },
    position: "bottom-right",
    defaultLanguage: "en",
    voice: { enabled: false },
    logoUrl: null,
    assistantMode: "retrieval",
  };
  // Like Convex's own client, the same result is the same object until it changes.
  const byPosition = new Map<string, typeof settings>();
  const settingsAt = (position: string) => {
    if (!byPosition.has(position)) byPosition.set(position, { ...settings, position });
    return byPosition.get(position);
  };
  const query = (name: string, args: Record<string, unknown>) => {
    switch (name) {
      case "public/organizations:validate": {
        const orgName = backend.organizations.get(args.organizationId as string);
        return orgName
          ? { valid: true, name: orgName, allowedDomains: [] }
          : { valid: false, reason: "NOT_FOUND" };
      }
      case "public/contactSessions:validate": {
        const session = backend.sessions.get(args.contactSessionId as string);
        if (!session || session.organizationId !== args.organizationId)
          return { valid: false, reason: "NOT_FOUND" };
        return session.expired
          ? { valid: false, reason: "SESSION_EXPIRED" }
          : { valid: true, expiresAt: Date.now() + 1e6 };
      }
      case "public/widgetSettings:get":
        return backend.settingsLoaded ? settingsAt(backend.position) : undefined;
      case "public/voice:getConfig":
        return backend.voice;
      case "public/conversations:get":
        return (
          backend.conversations.find(
            (conversation) => conversation._id === args.conversationId,
          ) ?? {
            _id: args.conversationId,
            threadId: "thread_1",
            status: "unresolved",
            channel: "chat",
            unread: 0,
            lastMessageAt: 0,
          }
        );
      case "public/conversations:listOwn":
        return { page: backend.conversations, isDone: true, continueCursor: "" };
      case "public/officeHours:get":
        return { hours: null, typicalReplyMs: null };
      case "public/transcripts:get":
        return false;
      case "public/csat:get":
        return null;
      case "public/typing:operators":
        return backend.typists;
      case "public/attachments:limits":
        return { maxBytes: 10 * 1024 * 1024, accept: [".png", ".pdf"] };
      default:
        throw new Error(`unexpected query ${name}`);
    }
  };
  const mutation = async (name: string, args: Record<string, unknown>) => {
    backend.calls.push({ name, args });
    if (name === "public/messages:send") await backend.sendInFlight;
    if (backend.failNextMutation && name !== "public/conversations:create") {
      const code = backend.failNextMutation;
      backend.failNextMutation = null;
      throw new Failure({ code, message: code });
    }
    if (backend.expireOnNextMutation) {
      backend.expireOnNextMutation = false;
      throw new Failure({ code: "SESSION_EXPIRED", message: "Contact session expired" });
    }
    if (name === "public/contactSessions:refresh") return { expiresAt: Date.now() + 86_400_000 };
    if (name === "public/conversations:create") return "conversation_1";
    if (name === "public/unreadTokens:issue") return "unread_token_1";
    return null;
  };
  const mutators = new Map<string, (args: Record<string, unknown>) => Promise<unknown>>();
  return {
    useQuery: (ref: never, args: Record<string, unknown> | "skip") =>
      args === "skip" ? undefined : query(nameOf(ref), args),
    // Like Convex's own hook, one stable function per mutation.
    useMutation: (ref: never) => {
      const name = nameOf(ref);
      if (!mutators.has(name)) {
        const mutator = Object.assign((args: Record<string, unknown>) => mutation(name, args), {
          // This fake has no local query store to update; the server's answer is what renders.
          withOptimisticUpdate: () => mutator,
        });
        mutators.set(name, mutator);
      }
      return mutators.get(name);
    },
    usePaginatedQuery: (ref: never, args: Record<string, unknown> | "skip") => ({
      results: args === "skip" ? [] : (query(nameOf(ref), args) as { page: unknown[] }).page,
      status: "Exhausted",
      isLoading: false,
      loadMore: () => undefined,
    }),
    ConvexReactClient: class {},
    ConvexProvider: ({ children }: { children: ReactNode }) => children,
  };
});

vi.mock("@convex-dev/agent/react", async (importOriginal) => ({
  ...(await importOriginal<typeof AgentReact>()),
  useUIMessages: (_query: unknown, args: unknown) => ({
    results: args === "skip" ? [] : backend.threadMessages,
    status: "Exhausted",
    isLoading: false,
    loadMore: () => undefined,
  }),
}));

function widgetStore(organizationId = "org_acme") {
  const store = createStore();
  store.set(organizationIdAtom, organizationId);
  store.set(convexSiteUrlAtom, siteUrl);
  return store;
}

function renderWidget(organizationId = "org_acme") {
  return renderWithIntl(<WidgetView />, widgetStore(organizationId));
}

// Every wait in this file gets 10 s, not testing-library's default second: the auth, error and chat
// screens are loaded on demand (a first import in a test worker can take a while), and identifying
// solves a proof-of-work, once more when the backend refuses a challenge. A loaded machine can
// exceed a second for either; a wait that times out also leaves its flow running into the next test.
configure({ asyncUtilTimeout: 10_000 });

async function identify(name = "Ana", email = "ana@shop.example") {
  await userEvent.type(await screen.findByRole("textbox", { name: "Name" }), name);
  await userEvent.type(screen.getByRole("textbox", { name: "Email" }), email);
  await userEvent.click(screen.getByRole("button", { name: "Continue" }));
}

beforeEach(() => {
  localStorage.clear();
  backend.organizations = new Map([["org_acme", "Acme"]]);
  backend.sessions = new Map();
  backend.expireOnNextMutation = false;
  backend.failNextMutation = null;
  backend.sendInFlight = null;
  backend.settingsLoaded = true;
  backend.conversations = [];
  backend.threadMessages = [];
  backend.calls = [];
  backend.refuseNextSession = null;
  backend.refuseNextProof = false;
  backend.challenges = 0;
  backend.typists = [];
  backend.position = "bottom-right";
  backend.voice = {
    connected: false,
    enabled: false,
    assistantId: null,
    phoneNumber: null,
    publicKey: null,
  };
  vapi.calls = [];
});

afterEach(() => vi.restoreAllMocks());

describe("widget screen flow", () => {
  it("says clearly when the organization does not exist", async () => {
    renderWidget("org_missing");
    expect((await screen.findByRole("alert", {})).textContent).toContain(
      "We couldn't find this organization",
    );
  });

  it("says clearly when the iframe URL has no organization", async () => {
    renderWidget("");
    expect((await screen.findByRole("alert", {})).textContent).toContain("without an organization");
  });

  it("asks a first-time visitor for name and email, then stores the session for this organization", async () => {
    renderWidget();
    await identify();
    expect(await screen.findByRole("button", { name: "Start chat" })).toBeTruthy();
    // Through the HTTP route, so the backend can record the visitor's country from the request.
    const created = backend.calls.find((call) => call.name === "POST /widget/contact-sessions");
    expect(created?.args).toMatchObject({
      organizationId: "org_acme",
      name: "Ana",
      email: "ana@shop.example",
      metadata: { userAgent: navigator.userAgent },
    });
    expect(JSON.parse(localStorage.getItem(storageKey("org_acme")) ?? "null")).toMatchObject({
      contactSessionId: "session_1",
    });
  });

  it("solves the backend's proof-of-work while the visitor types, and sends it with the form", async () => {
    renderWidget();
    await screen.findByRole("button", { name: "Continue" });
    // Fetched as soon as the form shows, before the visitor has typed anything.
    await waitFor(() => expect(backend.challenges).toBe(1));
    await identify();
    expect(await screen.findByRole("button", { name: "Start chat" })).toBeTruthy();
    const created = backend.calls.find((call) => call.name === "POST /widget/contact-sessions");
    expect(created?.args.proof).toMatchObject({
      challenge: { parameters: { algorithm: "PBKDF2/SHA-256" } },
      solution: { counter: 5 },
    });
  });

  it("replaces a challenge the backend refuses (expired, already used) once, unseen", async () => {
    backend.refuseNextProof = true;
    renderWidget();
    await identify();
    expect(await screen.findByRole("button", { name: "Start chat" })).toBeTruthy();
    const posts = backend.calls.filter((call) => call.name === "POST /widget/contact-sessions");
    expect(posts).toHaveLength(2);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says why the session could not be created and lets the visitor try again", async () => {
    backend.refuseNextSession = "RATE_LIMITED";
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    renderWidget();
    await identify();
    expect((await screen.findByRole("alert")).textContent).toBe(
      "You're sending messages too fast. Please wait a moment.",
    );
    expect(localStorage.getItem(storageKey("org_acme"))).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByRole("button", { name: "Start chat" })).toBeTruthy();
  });

  it("skips the form for a visitor the host page signed in, sending only the identity", async () => {
    const store = widgetStore();
    const identity = { userId: "u_42", email: "ana@shop.example", hash: "ab".repeat(32) };
    store.set(visitorIdentityAtom, identity);
    renderWithIntl(<WidgetView />, store);
    expect(await screen.findByRole("button", { name: "Start chat" })).toBeTruthy();
    expect(screen.queryByRole("textbox", { name: "Name" })).toBeNull();
    const created = backend.calls.find((call) => call.name === "POST /widget/contact-sessions");
    expect(created?.args).toMatchObject({ organizationId: "org_acme", identity });
    expect(created?.args).not.toHaveProperty("name");
    expect(created?.args).not.toHaveProperty("email");
  });

  it("shows the form when the backend refuses the signed identity, and still sends it with the form", async () => {
    backend.refuseNextSession = "IDENTITY_REFUSED";
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const store = widgetStore();
    const identity = { userId: "u_42", hash: "cd".repeat(32) };
    store.set(visitorIdentityAtom, identity);
    renderWithIntl(<WidgetView />, store);
    await identify();
    expect(await screen.findByRole("button", { name: "Start chat" })).toBeTruthy();
    const posts = backend.calls.filter((call) => call.name === "POST /widget/contact-sessions");
    expect(posts.map((call) => call.args.email)).toEqual([undefined, "ana@shop.example"]);
    expect(posts[1]?.args.identity).toEqual(identity);
  });

  it("offers a voice call with the organization's own Vapi public key and assistant", async () => {
    backend.voice = {
      connected: true,
      enabled: true,
      assistantId: "asst_acme",
      phoneNumber: null,
      publicKey: "pk_acme_public",
    };
    renderWidget();
    await identify();
    await userEvent.click(await screen.findByRole("button", { name: "Start voice call" }));
    await userEvent.click(await screen.findByRole("button", { name: "Start call" }));
    await waitFor(() =>
      expect(vapi.calls).toEqual([{ key: "pk_acme_public", assistantId: "asst_acme" }]),
    );
  });

  it("offers no voice call while the organization has no public key", async () => {
    backend.voice = {
      connected: true,
      enabled: true,
      assistantId: "asst_acme",
      phoneNumber: null,
      publicKey: null,
    };
    renderWidget();
    await identify();
    expect(await screen.findByRole("button", { name: "Start chat" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Start voice call" })).toBeNull();
  });

  it("leaves replies unread while the loader keeps the widget hidden, and counts them on the launcher with the unread token", async () => {
    // Framed: window.parent is another (real jsdom) window standing in for the host page.
    const host = document.body.appendChild(document.createElement("iframe")).contentWindow!;
    vi.spyOn(window, "parent", "get").mockReturnValue(host);
    const toHost = vi.spyOn(host, "postMessage").mockImplementation(() => undefined);
    const fromHost = (data: Record<string, unknown>) =>
      act(() => {
        window.dispatchEvent(
          new MessageEvent("message", {
            source: host,
            origin: "https://shop.example",
            data: { source: "echo-embed", ...data },
          }),
        );
      });
    backend.sessions.set("session_9", { organizationId: "org_acme", expired: false });
    localStorage.setItem(
      storageKey("org_acme"),
      JSON.stringify({ contactSessionId: "session_9", expiresAt: Date.now() + 1e6 }),
    );
    backend.conversations = [
      {
        _id: "c_open",
        threadId: "t1",
        status: "escalated",
        channel: "chat",
        unread: 2,
        lastMessageAt: Date.now(),
        lastMessage: { text: "We refunded you", author: "operator" },
      },
    ];
    const { store } = renderWidget();
    await waitFor(() =>
      expect(toHost).toHaveBeenCalledWith({ source: "echo-widget", type: "ready" }, "*"),
    );
    fromHost({
      type: "init",
      hostUrl: "https://shop.example/",
      hostTitle: "Shop",
      hostReferrer: "",
      locale: "en",
      open: true,
    });
    await screen.findByRole("button", { name: "Past conversations" });
    // The visitor closes the widget on the chat screen; the reply is on it, unseen.
    fromHost({ type: "visibility", open: false });
    act(() => store.set(flowAtom, { type: "openConversation", conversationId: "c_open" }));
    await screen.findByRole("textbox", { name: "Message" });
    await waitFor(() =>
      expect(toHost).toHaveBeenCalledWith(
        { source: "echo-widget", type: "unread", count: 2, token: "unread_token_1" },
        "https://shop.example",
      ),
    );
    const markedRead = () =>
      backend.calls.filter((call) => call.name === "public/conversations:markRead");
    expect(markedRead()).toEqual([]);

    fromHost({ type: "visibility", open: true });
    await waitFor(() =>
      expect(markedRead()).toEqual([
        {
          name: "public/conversations:markRead",
          args: { contactSessionId: "session_9", conversationId: "c_open" },
        },
      ]),
    );
  });

  it("resumes a stored valid session at the selection screen", async () => {
    backend.sessions.set("session_9", { organizationId: "org_acme", expired: false });
    localStorage.setItem(
      storageKey("org_acme"),
      JSON.stringify({ contactSessionId: "session_9", expiresAt: Date.now() + 1e6 }),
    );
    renderWidget();
    expect(await screen.findByRole("button", { name: "Start chat" })).toBeTruthy();
    expect(screen.queryByRole("textbox", { name: "Name" })).toBeNull();
  });

  it("reopens the conversation the visitor was in, on the next page too, until they leave it", async () => {
    backend.sessions.set("session_9", { organizationId: "org_acme", expired: false });
    localStorage.setItem(
      storageKey("org_acme"),
      JSON.stringify({ contactSessionId: "session_9", expiresAt: Date.now() + 1e6 }),
    );
    localStorage.setItem(
      "echo.resume.org_acme",
      JSON.stringify({ contactSessionId: "session_9", conversationId: "c_open" }),
    );
    const { store } = renderWidget();
    expect(await screen.findByRole("textbox", { name: "Message" })).toBeTruthy();
    expect(store.get(flowAtom)).toMatchObject({ screen: "chat", conversationId: "c_open" });
    await userEvent.click(screen.getByRole("button", { name: "Back" }));
    expect(await screen.findByRole("button", { name: "Start chat" })).toBeTruthy();
    expect(localStorage.getItem("echo.resume.org_acme")).toBeNull();
  });

  it("asks again, saying why, when the stored session has expired", async () => {
    backend.sessions.set("session_9", { organizationId: "org_acme", expired: true });
    localStorage.setItem(
      storageKey("org_acme"),
      JSON.stringify({ contactSessionId: "session_9", expiresAt: 1 }),
    );
    renderWidget();
    expect((await screen.findByRole("alert")).textContent).toContain("Your session has expired");
    expect(localStorage.getItem(storageKey("org_acme"))).toBeNull();
  });

  it("opens a new chat with the greeting and suggestions", async () => {
    renderWidget();
    await identify();
    await userEvent.click(await screen.findByRole("button", { name: "Start chat" }));
    expect(await screen.findByText("Welcome to Acme!", {})).toBeTruthy();
    expect(screen.getByRole("button", { name: "Where is my order?" })).toBeTruthy();
    expect(screen.getByText("Answers come from our help articles")).toBeTruthy();
  });

  it("greets a pt-BR visitor with the organization's Portuguese greeting and suggestions, and opens the conversation in pt-BR", async () => {
    const store = widgetStore();
    store.set(intlAtom, { locale: "pt-BR", messages: ptBR, timeZone: "UTC" });
    store.set(shellTextAtom, shellText("pt-BR", ptBR, null));
    renderWithIntl(<WidgetView />, store);
    await userEvent.type(await screen.findByRole("textbox", { name: "Nome" }), "Ana");
    await userEvent.type(screen.getByRole("textbox", { name: "E-mail" }), "ana@shop.example");
    await userEvent.click(screen.getByRole("button", { name: "Continuar" }));
    await userEvent.click(await screen.findByRole("button", { name: "Iniciar conversa" }));
    expect(await screen.findByText("Bem-vindo à Acme!", {})).toBeTruthy();
    expect(screen.queryByText("Welcome to Acme!")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Cadê meu pedido?" }));
    await waitFor(() =>
      expect(
        backend.calls.find((call) => call.name === "public/conversations:create")?.args,
      ).toMatchObject({ language: "pt-BR" }),
    );
  }, 20_000);

  it("offers Yes and No under an answer that asks whether it answered, and sends the pick", async () => {
    backend.threadMessages = [
      {
        key: "m1",
        role: "user",
        text: "How do I reset my password?",
        status: "success",
        author: "contact",
      },
      {
        key: "m2",
        role: "assistant",
        text: 'Click "Forgot password".\n\nSource: [security.md › Reset](http://site/knowledge/passage)\n\nDid that answer your question?',
        status: "success",
        author: "agent",
      },
    ];
    renderWidget();
    await identify();
    await userEvent.click(await screen.findByRole("button", { name: "Start chat" }));
    await userEvent.type(
      await screen.findByRole("textbox", { name: "Message" }),
      "How do I reset my password?{Enter}",
    );
    const check = await screen.findByRole("group", { name: "Did that answer your question?" });
    expect(screen.getByRole("link", { name: "security.md › Reset" }).getAttribute("href")).toBe(
      "http://site/knowledge/passage",
    );
    await userEvent.click(within(check).getByRole("button", { name: "No" }));
    await waitFor(() =>
      expect(
        backend.calls.filter((call) => call.name === "public/messages:send").at(-1)?.args,
      ).toMatchObject({ text: "No" }),
    );
    backend.threadMessages = [...backend.threadMessages.slice(0, 1)];
  }, 20_000);

  it("keeps the typed draft when the session expires mid-conversation, and brings it back after re-auth", async () => {
    const { store } = renderWidget();
    await identify();
    await userEvent.click(await screen.findByRole("button", { name: "Start chat" }));
    const box = await screen.findByRole("textbox", { name: "Message" });
    await userEvent.type(box, "My order never arrived");
    backend.expireOnNextMutation = true;
    await userEvent.click(screen.getByRole("button", { name: "Send message" }));

    expect((await screen.findByRole("alert")).textContent).toContain("your message is kept");
    await waitFor(() =>
      expect(store.get(flowAtom)).toMatchObject({
        screen: "auth",
        draft: "My order never arrived",
      }),
    );
    expect(localStorage.getItem(storageKey("org_acme"))).toBeNull();

    await identify();
    const restored = await screen.findByRole("textbox", { name: "Message" });
    expect((restored as HTMLTextAreaElement).value).toBe("My order never arrived");
  });

  it("sends a message, creating the conversation first, and empties the box before the server answers", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const { store } = renderWidget();
    await identify();
    await userEvent.click(await screen.findByRole("button", { name: "Start chat" }));
    let confirm = () => {};
    backend.sendInFlight = new Promise((resolve) => (confirm = resolve));
    const box = await screen.findByRole("textbox", { name: "Message" });
    await userEvent.type(box, "Hello there{Enter}");
    await waitFor(() =>
      expect(backend.calls.map((call) => call.name)).toContain("public/messages:send"),
    );
    expect((box as HTMLTextAreaElement).value).toBe("");
    expect(store.get(flowAtom).draft).toBe("");
    await act(async () => confirm());
    await waitFor(() => expect(info).toHaveBeenCalled());
    expect(store.get(flowAtom).draft).toBe("");
    const names = backend.calls.map((call) => call.name);
    expect(names).toContain("public/conversations:create");
    const sent = backend.calls.find((call) => call.name === "public/messages:send");
    expect(sent?.args).toEqual({
      contactSessionId: "session_1",
      conversationId: "conversation_1",
      text: "Hello there",
      requestId: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
    });
    // The console line names the id the backend got, so one grep follows the message.
    const logged = info.mock.calls.map(([line]) => JSON.parse(String(line)));
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: "info",
        event: "widget.message.sent",
        requestId: (sent?.args as { requestId: string }).requestId,
        conversationId: "conversation_1",
        durationMs: expect.any(Number),
      }),
    );
    info.mockRestore();
    expect(store.get(flowAtom).conversationId).toBe("conversation_1");
  }, 20_000);

  it("labels the header controls and goes back to the choices", async () => {
    renderWidget();
    await identify();
    await userEvent.click(await screen.findByRole("button", { name: "Start chat" }));
    await screen.findByRole("textbox", { name: "Message" });
    expect(screen.getByRole("button", { name: "Close support chat" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Back" }));
    expect(await screen.findByRole("button", { name: "Start chat" })).toBeTruthy();
  });

  it("shows an unknown organization's message straight from the server's check", async () => {
    renderWithIntl(
      <WidgetApp
        convexUrl="http://127.0.0.1:3210"
        organizationId="org_missing"
        initialState={{ organization: { valid: false, reason: "NOT_FOUND" }, settings: null }}
        convexSiteUrl={siteUrl}
        intl={englishIntl}
        shellText={englishShellText}
      />,
    );
    expect((await screen.findByRole("alert", {})).textContent).toContain(
      "We couldn't find this organization",
    );
  });

  it("paints the organization's name and colors from the server before any query answers", () => {
    backend.settingsLoaded = false;
    const { container } = renderWithIntl(
      <WidgetApp
        convexUrl="http://127.0.0.1:3210"
        organizationId="org_acme"
        initialState={acmeInitialState()}
        convexSiteUrl={siteUrl}
        intl={englishIntl}
        shellText={englishShellText}
      />,
    );
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Acme");
    const frame = container.querySelector<HTMLElement>("[style]");
    expect(frame?.style.getPropertyValue("--primary")).toBe("#facc15");
    expect(frame?.style.getPropertyValue("--primary-foreground")).toBe("#0f172a");
  });

  it("shows a first-time visitor the auth form at once when the server knows the organization", async () => {
    const store = widgetStore();
    store.set(initialStateAtom, {
      organization: { valid: true, name: "Acme", allowedDomains: [] },
      settings: null,
    });
    renderWithIntl(<WidgetView />, store);
    const name = await screen.findByRole("textbox", { name: "Name" });
    await userEvent.type(name, "Ana");
    await waitFor(() => expect(store.get(flowAtom).screen).toBe("auth"));
    // the check confirmed there is no session without remounting the form: the typing is kept
    expect((screen.getByRole("textbox", { name: "Name" }) as HTMLInputElement).value).toBe("Ana");
  });

  it("checks a returning visitor's stored session instead of asking again", async () => {
    backend.sessions.set("session_9", { organizationId: "org_acme", expired: false });
    localStorage.setItem(
      storageKey("org_acme"),
      JSON.stringify({ contactSessionId: "session_9", expiresAt: Date.now() + 1e6 }),
    );
    const store = widgetStore();
    store.set(initialStateAtom, {
      organization: { valid: true, name: "Acme", allowedDomains: [] },
      settings: null,
    });
    renderWithIntl(<WidgetView />, store);
    expect(await screen.findByRole("button", { name: "Start chat" })).toBeTruthy();
  });

  it("lists past conversations with status and last message, continues an open one, and opens any", async () => {
    backend.sessions.set("session_9", { organizationId: "org_acme", expired: false });
    localStorage.setItem(
      storageKey("org_acme"),
      JSON.stringify({ contactSessionId: "session_9", expiresAt: Date.now() + 1e6 }),
    );
    backend.conversations = [
      {
        _id: "c_open",
        threadId: "t1",
        status: "escalated",
        channel: "chat",
        unread: 2,
        lastMessageAt: Date.now() - 60_000,
        lastMessage: { text: "An operator will reply", author: "agent" },
      },
      {
        _id: "c_done",
        threadId: "t2",
        status: "resolved",
        channel: "chat",
        unread: 0,
        lastMessageAt: Date.now() - 3_600_000,
        lastMessage: { text: "Glad I could help", author: "agent" },
      },
    ];
    const { store } = renderWidget();
    expect(await screen.findByRole("button", { name: "Continue your conversation" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Past conversations" }));
    const items = await screen.findAllByRole("listitem");
    expect(items[0]?.textContent).toContain("With our team");
    expect(items[0]?.textContent).toContain("An operator will reply");
    expect(items[0]?.textContent).toContain("2 unread replies");
    expect(items[1]?.textContent).toContain("Resolved");
    await userEvent.click(screen.getByRole("button", { name: /Glad I could help/ }));
    expect(store.get(flowAtom)).toMatchObject({ screen: "chat", conversationId: "c_done" });
  });

  it("shows the operator typing by name and that they saw the visitor's message; tells them when the visitor types", async () => {
    backend.sessions.set("session_9", { organizationId: "org_acme", expired: false });
    localStorage.setItem(
      storageKey("org_acme"),
      JSON.stringify({ contactSessionId: "session_9", expiresAt: Date.now() + 1e6 }),
    );
    backend.conversations = [
      {
        _id: "c_team",
        threadId: "t3",
        status: "escalated",
        channel: "chat",
        unread: 0,
        seenByOperator: true,
        lastMessageAt: 0,
        lastMessage: null,
      },
    ];
    // After an escalation the automatic acknowledgement follows the visitor's message.
    backend.threadMessages = [
      { key: "m1", role: "user", text: "Is anyone there?", status: "success", author: "contact" },
      {
        key: "m2",
        role: "assistant",
        text: "A person from our team will reply here.",
        status: "success",
        author: "agent",
      },
    ];
    backend.typists = [{ name: "Ana" }];
    const { store } = renderWidget();
    await screen.findByRole("button", { name: "Past conversations" });
    act(() => store.set(flowAtom, { type: "openConversation", conversationId: "c_team" }));
    expect(await screen.findByRole("status", { name: "Ana is typing…" })).toBeTruthy();
    const seen = screen.getByTestId("seen-by-operator");
    expect(seen.textContent).toBe("Seen");
    expect(seen.closest("li")?.textContent).toContain("Is anyone there?");

    await userEvent.type(screen.getByRole("textbox", { name: "Message" }), "Hi");
    const typing = backend.calls.filter((call) => call.name === "public/typing:set");
    expect(typing, "one signal for both keystrokes, within 2 s").toEqual([
      {
        name: "public/typing:set",
        args: { contactSessionId: "session_9", conversationId: "c_team", draft: "H" },
      },
    ]);
    await userEvent.clear(screen.getByRole("textbox", { name: "Message" }));
    expect(backend.calls.filter((call) => call.name === "public/typing:clear")).toHaveLength(1);
  });

  it("shows a resolved conversation read-only, with a way to start a new one", async () => {
    backend.sessions.set("session_9", { organizationId: "org_acme", expired: false });
    localStorage.setItem(
      storageKey("org_acme"),
      JSON.stringify({ contactSessionId: "session_9", expiresAt: Date.now() + 1e6 }),
    );
    backend.conversations = [
      {
        _id: "c_done",
        threadId: "t2",
        status: "resolved",
        channel: "chat",
        unread: 0,
        lastMessageAt: 0,
        lastMessage: null,
      },
    ];
    const { store } = renderWidget();
    await screen.findByRole("button", { name: "Past conversations" });
    act(() => store.set(flowAtom, { type: "openConversation", conversationId: "c_done" }));
    const restart = await screen.findByRole("button", { name: "Start a new conversation" });
    expect(screen.getByText("This conversation has been resolved.")).toBeTruthy();
    expect(screen.queryByRole("textbox", { name: "Message" })).toBeNull();
    expect(
      await screen.findByRole("group", { name: "How would you rate this conversation?" }),
    ).toBeTruthy();
    await userEvent.click(restart);
    expect(store.get(flowAtom)).toMatchObject({ screen: "chat", conversationId: null });
    expect(await screen.findByRole("textbox", { name: "Message" })).toBeTruthy();
  });

  it("explains a refused message in the visitor's language and keeps what they typed", async () => {
    const { store } = renderWidget();
    await identify();
    await userEvent.click(await screen.findByRole("button", { name: "Start chat" }));
    let refuse = () => {};
    backend.sendInFlight = new Promise((resolve) => (refuse = resolve));
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const box = await screen.findByRole("textbox", { name: "Message" });
    await userEvent.type(box, "Hello?{Enter}");
    await waitFor(() =>
      expect(backend.calls.map((call) => call.name)).toContain("public/messages:send"),
    );
    expect((box as HTMLTextAreaElement).value).toBe("");
    // Typed while the refused message was on its way: kept too, after the text that came back.
    await userEvent.type(box, "Anyone?");
    backend.failNextMutation = "RATE_LIMITED";
    await act(async () => refuse());
    expect((await screen.findByRole("alert")).textContent).toBe(
      "You're sending messages too fast. Please wait a moment.",
    );
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe("Hello?\nAnyone?"));
    expect(store.get(flowAtom)).toMatchObject({
      screen: "chat",
      draft: "Hello?\nAnyone?",
      conversationId: "conversation_1",
    });
  });
});
