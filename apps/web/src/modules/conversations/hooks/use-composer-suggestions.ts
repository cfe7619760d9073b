"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { useQuery } from "convex/react";
import { type KeyboardEvent, useMemo, useState } from "react";

import { type ComposerTrigger, matchesQuery, triggerAt } from "../lib/composer-trigger";

export type ComposerSuggestion = {
  id: string;
  label: string;
  detail: string;
  /** What replaces the trigger's word in the draft. */
  insertion: string;
  /** Set for a member: the note records who was named. */
  member?: { userId: string; name: string };
};

const MAX_SUGGESTIONS = 8;

/**
 * The list the composer opens at its caret: members after `@` (notes only), the organization's
 * canned responses after `/` (already filled for this conversation, its language first).
 */
export function useComposerSuggestions({
  conversationId,
  draft,
  caret,
  note,
}: {
  conversationId: Id<"conversations">;
  draft: string;
  caret: number;
  note: boolean;
}) {
  const trigger = triggerAt(draft, caret, note);
  const everyone = useQuery(api.private.members.list, note ? {} : "skip");
  const me = useQuery(api.private.organization.current, note ? {} : "skip")?.userId;
  // Naming oneself notifies nobody, so the picker offers only teammates.
  const members = useMemo(() => everyone?.filter((member) => member.userId !== me), [everyone, me]);
  const canned = useQuery(api.private.cannedResponses.forConversation, { conversationId });
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  // The highlighted row belongs to one query: typing another starts again at the top.
  const [highlight, setHighlight] = useState({ key: "", index: 0 });

  const kind = trigger?.kind;
  const query = trigger?.query ?? "";
  const items = useMemo(
    () => suggestionsFor(kind, query, members, canned),
    [kind, query, members, canned],
  );
  const open = trigger !== null && items.length > 0 && dismissedAt !== trigger.start;
  const key = `${kind}:${query}`;
  const active = highlight.key === key ? Math.min(highlight.index, items.length - 1) : 0;

  /** Arrows move, Enter or Tab picks, Escape closes; true when the key was the list's. */
  function onKeyDown(event: KeyboardEvent, pick: (item: ComposerSuggestion) => void): boolean {
    if (!open || !trigger) return false;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const step = event.key === "ArrowDown" ? 1 : -1;
      setHighlight({ key, index: (active + step + items.length) % items.length });
    } else if ((event.key === "Enter" && !event.metaKey && !event.ctrlKey) || event.key === "Tab") {
      pick(items[active]!);
    } else if (event.key === "Escape") {
      setDismissedAt(trigger.start);
    } else return false;
    event.preventDefault();
    return true;
  }

  return { trigger: open ? trigger : null, items: open ? items : [], active, onKeyDown };
}

type Members = { userId: string; name: string; email: string | null }[] | undefined;
type Canned = { _id: string; title: string; shortcut: string; language: string; text: string }[];

function suggestionsFor(
  kind: ComposerTrigger["kind"] | undefined,
  query: string,
  members: Members,
  canned: Canned | undefined,
): ComposerSuggestion[] {
  if (!kind) return [];
  if (kind === "mention") {
    return (members ?? [])
      .filter((member) => matchesQuery(query, member.name, member.email ?? ""))
      .slice(0, MAX_SUGGESTIONS)
      .map((member) => ({
        id: member.userId,
        label: member.name,
        detail: member.email ?? "",
        insertion: `@${member.name} `,
        member: { userId: member.userId, name: member.name },
      }));
  }
  return (canned ?? [])
    .filter((response) => matchesQuery(query, response.shortcut, response.title))
    .slice(0, MAX_SUGGESTIONS)
    .map((response) => ({
      id: response._id,
      label: `/${response.shortcut} · ${response.title}`,
      detail: `${response.language} · ${response.text}`,
      insertion: response.text,
    }));
}
