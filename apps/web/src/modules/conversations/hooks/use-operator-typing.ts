"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { useTypingSignal } from "@echo/ui/lib/typing-signal";
import { useMutation } from "convex/react";

/** Tells the visitor this operator is typing a reply (best effort: a lost signal only hides it sooner). */
export function useOperatorTyping(conversationId: Id<"conversations">, draft: string): void {
  const set = useMutation(api.private.typing.set);
  const clear = useMutation(api.private.typing.clear);
  const quietly = async (signal: () => Promise<unknown> | undefined) => {
    try {
      await signal();
    } catch {
      // The mark expires on its own.
    }
  };
  useTypingSignal(draft, conversationId, {
    send: () => void quietly(() => set({ conversationId })),
    stop: () => void quietly(() => clear({ conversationId })),
  });
}
