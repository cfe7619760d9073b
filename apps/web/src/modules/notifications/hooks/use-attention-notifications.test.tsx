import { cleanup, render } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { convex } from "@/test/convex-double";

import en from "../../../../messages/en.json";
import type { AttentionConversation } from "../lib/attention-events";
import { useAttentionNotifications } from "./use-attention-notifications";

// Convex's hook answers the attention query; the browser's Notification and Web Audio are stubbed.
const ATTENTION = "private/notifications:attention";
vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);
vi.mock("@/i18n/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));

const shown: { title: string; body: string }[] = [];
const tones: number[] = [];

class FakeAudioContext {
  currentTime = 0;
  destination = {};
  createOscillator() {
    const oscillator = {
      frequency: { value: 0 },
      connect: (node: unknown) => node,
      start: () => tones.push(oscillator.frequency.value),
      stop: () => {},
    };
    return oscillator;
  }
  createGain() {
    const gain = {
      gain: { setValueAtTime: () => {}, exponentialRampToValueAtTime: () => {} },
      connect: (node: unknown) => node,
    };
    return gain;
  }
  close() {
    return Promise.resolve();
  }
}

beforeEach(() => {
  shown.length = 0;
  tones.length = 0;
  vi.stubGlobal("AudioContext", FakeAudioContext);
  vi.stubGlobal(
    "Notification",
    Object.assign(
      function Notification(title: string, options: { body: string }) {
        shown.push({ title, body: options.body });
      },
      { permission: "granted" },
    ),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Watcher() {
  useAttentionNotifications();
  return null;
}

const escalated = (id: string, name: string): AttentionConversation => ({
  _id: id,
  contactName: name,
  escalatedAt: 1_000,
  lastMessageAt: 1_000,
  lastMessage: { text: "I need a person", author: "contact" },
});

function snapshot(sound: boolean, conversations: AttentionConversation[]) {
  return {
    escalated: conversations,
    assigned: [],
    unread: conversations.length,
    preferences: { browserOnEscalation: true, browserOnAssignedMessage: true, sound },
  };
}

function watch(sound: boolean) {
  convex.answers[ATTENTION] = snapshot(sound, [escalated("c1", "Ana")]);
  const view = render(
    <NextIntlClientProvider locale="en" messages={en}>
      <Watcher />
    </NextIntlClientProvider>,
  );
  convex.answers[ATTENTION] = snapshot(sound, [escalated("c1", "Ana"), escalated("c2", "Bruno")]);
  view.rerender(
    <NextIntlClientProvider locale="en" messages={en}>
      <Watcher />
    </NextIntlClientProvider>,
  );
}

describe("useAttentionNotifications", () => {
  it("announces only the new escalation, and chimes when the member chose the sound", () => {
    watch(true);
    expect(shown).toEqual([{ title: "Bruno is waiting for a person", body: "I need a person" }]);
    expect(tones).toEqual([880, 1320]);
    expect(document.title.startsWith("(2) ")).toBe(true);
  });

  it("stays silent without the sound preference", () => {
    watch(false);
    expect(shown).toHaveLength(1);
    expect(tones).toEqual([]);
  });
});
