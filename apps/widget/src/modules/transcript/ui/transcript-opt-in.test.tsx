import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { getFunctionName } from "convex/server";
import { afterEach, expect, test, vi } from "vitest";

import { renderWithIntl } from "@/test/render-with-intl";

import { TranscriptOptIn } from "./transcript-opt-in";

const backend = vi.hoisted(() => ({
  wanted: false,
  calls: [] as { name: string; args: Record<string, unknown> }[],
}));

vi.mock("convex/react", () => ({
  useQuery: (ref: never) =>
    getFunctionName(ref) === "public/transcripts:get" ? backend.wanted : undefined,
  useMutation: (ref: never) => async (args: Record<string, unknown>) => {
    backend.calls.push({ name: getFunctionName(ref), args });
    backend.wanted = args.wanted as boolean;
  },
}));
afterEach(cleanup);

test("asks for the transcript by email for this conversation, and can take it back", async () => {
  const ids = {
    contactSessionId: "session_1" as Id<"contactSessions">,
    conversationId: "conversation_1" as Id<"conversations">,
  };
  const { rerender } = renderWithIntl(<TranscriptOptIn {...ids} />);
  const box = screen.getByRole("checkbox", {
    name: "Email me a transcript when this conversation ends",
  });
  expect((box as HTMLInputElement).checked).toBe(false);
  await act(async () => fireEvent.click(box));
  expect(backend.calls).toEqual([
    {
      name: "public/transcripts:set",
      args: { contactSessionId: "session_1", conversationId: "conversation_1", wanted: true },
    },
  ]);
  rerender(<TranscriptOptIn {...ids} />);
  expect((screen.getByRole("checkbox") as HTMLInputElement).checked).toBe(true);
});
