import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { getFunctionName } from "convex/server";
import { afterEach, expect, test, vi } from "vitest";

import { renderWithIntl } from "@/test/render-with-intl";

import { TranscriptOptIn } from "./transcript-opt-in";

// A double of the Convex client: the query's local value, which an optimistic update may
// overwrite before the server answers, and the mutations it was sent.
const backend = vi.hoisted(() => ({
  wanted: false,
  calls: [] as { name: string; args: Record<string, unknown> }[],
  answer: Promise.resolve(),
}));

vi.mock("convex/react", () => ({
  useQuery: (ref: never) =>
    getFunctionName(ref) === "public/transcripts:get" ? backend.wanted : undefined,
  useMutation: (ref: never) => {
    const send = async (args: Record<string, unknown>) => {
      backend.calls.push({ name: getFunctionName(ref), args });
      await backend.answer;
    };
    send.withOptimisticUpdate =
      (update: (store: unknown, args: Record<string, unknown>) => void) =>
      async (args: Record<string, unknown>) => {
        update(
          { setQuery: (_query: never, _args: never, value: boolean) => (backend.wanted = value) },
          args,
        );
        await send(args);
      };
    return send;
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
  // The server has not answered yet: the box is ticked already.
  let answer = () => {};
  backend.answer = new Promise<void>((resolve) => (answer = resolve));
  await act(async () => fireEvent.click(box));
  rerender(<TranscriptOptIn {...ids} />);
  expect((screen.getByRole("checkbox") as HTMLInputElement).checked).toBe(true);
  answer();
  expect(backend.calls).toEqual([
    {
      name: "public/transcripts:set",
      args: { contactSessionId: "session_1", conversationId: "conversation_1", wanted: true },
    },
  ]);
  rerender(<TranscriptOptIn {...ids} />);
  expect((screen.getByRole("checkbox") as HTMLInputElement).checked).toBe(true);
});
