import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { getFunctionName } from "convex/server";
import { ConvexError } from "convex/values";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { renderWithIntl } from "@/test/render-with-intl";

import { CsatPrompt } from "./csat-prompt";

// The backend at the Convex client boundary: one stored rating per conversation, as public/csat.
const backend = vi.hoisted(() => ({
  rating: null as { rating: number } | null,
  calls: [] as Record<string, unknown>[],
  refusal: null as string | null,
}));

vi.mock("convex/react", () => ({
  useQuery: (ref: never) =>
    getFunctionName(ref) === "public/csat:get" ? backend.rating : undefined,
  useMutation: () => async (args: Record<string, unknown>) => {
    backend.calls.push(args);
    if (backend.refusal) throw new ConvexError({ code: backend.refusal, message: "refused" });
    if (backend.rating) {
      throw new ConvexError({
        code: "ALREADY_RATED",
        message: "This conversation has already been rated",
      });
    }
    backend.rating = { rating: args.rating as number };
  },
}));
beforeEach(() => {
  backend.rating = null;
  backend.calls = [];
  backend.refusal = null;
});
afterEach(cleanup);

const ids = {
  contactSessionId: "session_1" as Id<"contactSessions">,
  conversationId: "conversation_1" as Id<"conversations">,
};

test("the visitor picks a rating, adds a comment and sends it; then sees thanks instead of the question", async () => {
  const { rerender } = renderWithIntl(<CsatPrompt {...ids} />);
  expect(screen.getByRole("group", { name: "How would you rate this conversation?" })).toBeTruthy();
  expect(
    screen.queryByRole("button", { name: "Send rating" }),
    "no send before a rating",
  ).toBeNull();

  fireEvent.click(screen.getByRole("button", { name: "4 of 5: Good" }));
  expect(screen.getByRole("button", { name: "4 of 5: Good" }).getAttribute("aria-pressed")).toBe(
    "true",
  );
  fireEvent.change(screen.getByRole("textbox", { name: "Comment (optional)" }), {
    target: { value: "  Quick answer  " },
  });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Send rating" })));
  expect(backend.calls).toEqual([{ ...ids, rating: 4, comment: "Quick answer" }]);

  rerender(<CsatPrompt {...ids} />);
  expect(screen.getByRole("status").textContent).toBe("Thank you for your rating (4 of 5).");
  expect(screen.queryByRole("button", { name: /of 5/ })).toBeNull();
});

test("a conversation rated elsewhere (another device, a reload) shows the thanks, not the question", () => {
  backend.rating = { rating: 2 };
  renderWithIntl(<CsatPrompt {...ids} />);
  expect(screen.getByRole("status").textContent).toBe("Thank you for your rating (2 of 5).");
  expect(screen.queryByRole("group")).toBeNull();
});

test("a refusal from the server is explained", async () => {
  renderWithIntl(<CsatPrompt {...ids} />);
  fireEvent.click(screen.getByRole("button", { name: "1 of 5: Very poor" }));
  backend.refusal = "RATE_LIMITED";
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Send rating" })));
  expect(backend.calls).toEqual([{ ...ids, rating: 1 }]);
  expect(screen.getByRole("alert").textContent).toBe(
    "You're sending messages too fast. Please wait a moment.",
  );
});
