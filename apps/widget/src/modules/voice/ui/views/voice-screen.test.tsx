import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { renderWithIntl } from "@/test/render-with-intl";

import { VoiceScreen } from "./voice-screen";

/** A stand-in for the Vapi web SDK (a third-party boundary that needs a microphone and WebRTC). */
const vapi = vi.hoisted(() => ({
  instances: [] as Array<{
    key: string;
    handlers: Map<string, (payload?: unknown) => void>;
    muted: boolean;
    started: string | null;
    stopped: boolean;
  }>,
  failStart: false,
}));

vi.mock("@vapi-ai/web", () => ({
  default: class {
    private state;
    constructor(key: string) {
      this.state = {
        key,
        handlers: new Map(),
        muted: false,
        started: null as string | null,
        stopped: false,
      };
      vapi.instances.push(this.state);
    }
    on(event: string, handler: (payload?: unknown) => void) {
      this.state.handlers.set(event, handler);
    }
    async start(assistantId: string) {
      if (vapi.failStart) throw new Error("microphone denied");
      this.state.started = assistantId;
      return null;
    }
    async stop() {
      this.state.stopped = true;
    }
    setMuted(muted: boolean) {
      this.state.muted = muted;
    }
    isMuted() {
      return this.state.muted;
    }
  },
}));

function emit(event: string, payload?: unknown) {
  act(() => vapi.instances[0]?.handlers.get(event)?.(payload));
}

beforeEach(() => {
  vapi.instances = [];
  vapi.failStart = false;
});

describe("VoiceScreen", () => {
  it("starts a call with the public key and assistant, shows the live transcript, mutes and ends", async () => {
    renderWithIntl(<VoiceScreen publicKey="pk_public" assistantId="asst_1" />);
    await userEvent.click(screen.getByRole("button", { name: "Start call" }));
    expect(vapi.instances[0]).toMatchObject({ key: "pk_public", started: "asst_1" });
    expect(screen.getByRole("status").textContent).toBe("Connecting…");

    emit("call-start");
    expect(screen.getByRole("status").textContent).toBe("Call in progress");
    emit("message", {
      type: "transcript",
      role: "user",
      transcriptType: "partial",
      transcript: "Where is",
    });
    emit("message", {
      type: "transcript",
      role: "user",
      transcriptType: "final",
      transcript: "Where is my order?",
    });
    emit("message", {
      type: "transcript",
      role: "assistant",
      transcriptType: "partial",
      transcript: "Let me check",
    });
    const transcript = screen.getByRole("list", { name: "Transcript" });
    expect(transcript.textContent).toBe("YouWhere is my order?AssistantLet me check");

    await userEvent.click(screen.getByRole("button", { name: "Mute microphone" }));
    expect(vapi.instances[0]?.muted).toBe(true);
    expect(
      screen.getByRole("button", { name: "Unmute microphone" }).getAttribute("aria-pressed"),
    ).toBe("true");

    await userEvent.click(screen.getByRole("button", { name: "End call" }));
    expect(vapi.instances[0]?.stopped).toBe(true);
    expect(screen.getByRole("status").textContent).toBe("The call has ended.");
  });

  it("explains when the call cannot start", async () => {
    vapi.failStart = true;
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    renderWithIntl(<VoiceScreen publicKey="pk_public" assistantId="asst_1" />);
    await userEvent.click(screen.getByRole("button", { name: "Start call" }));
    expect((await screen.findByRole("alert")).textContent).toContain("could not be started");
    expect(screen.getByRole("button", { name: "Start call" })).toBeTruthy();
  });

  it("explains an error the SDK reports during the call, and offers to call again", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    renderWithIntl(<VoiceScreen publicKey="pk_public" assistantId="asst_1" />);
    await userEvent.click(screen.getByRole("button", { name: "Start call" }));
    emit("call-start");
    emit("error", new Error("connection lost"));
    expect(screen.getByRole("alert").textContent).toBe(
      "The call was interrupted. Please try again.",
    );
    expect(screen.getByRole("button", { name: "Start call" })).toBeTruthy();
  });

  it("hangs up when the visitor leaves the screen", async () => {
    const { unmount } = renderWithIntl(<VoiceScreen publicKey="pk_public" assistantId="asst_1" />);
    await userEvent.click(screen.getByRole("button", { name: "Start call" }));
    emit("call-start");
    unmount();
    expect(vapi.instances[0]?.stopped).toBe(true);
  });
});
