"use client";

import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { useTranslations } from "next-intl";
import {
  type ChangeEvent,
  type KeyboardEvent,
  type SyntheticEvent,
  useId,
  useRef,
  useState,
} from "react";

import { replaceTrigger } from "../lib/composer-trigger";
import { ComposerSuggestions, suggestionId } from "../ui/components/composer-suggestions";
import { type ComposerSuggestion, useComposerSuggestions } from "./use-composer-suggestions";

type Member = { userId: string; name: string };

/**
 * The `@` and `/` wiring of a text box: the caret it follows, the suggestion list, the members
 * picked so far and the props that tie the textarea to the list.
 */
export function useComposerMentions({
  conversationId,
  draft,
  setDraft,
  note,
  initialCaret = 0,
}: {
  conversationId: Id<"conversations">;
  draft: string;
  setDraft: (text: string) => void;
  note: boolean;
  initialCaret?: number;
}) {
  const tNotes = useTranslations("notes");
  const tCanned = useTranslations("cannedResponses");
  const [caret, setCaret] = useState(initialCaret);
  const [picked, setPicked] = useState<Member[]>([]);
  const box = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const suggestions = useComposerSuggestions({ conversationId, draft, caret, note });

  function pick(item: ComposerSuggestion) {
    if (!suggestions.trigger) return;
    const next = replaceTrigger(draft, suggestions.trigger, caret, item.insertion);
    setDraft(next.text);
    setCaret(next.caret);
    if (item.member) setPicked((members) => [...members, item.member!]);
    requestAnimationFrame(() => box.current?.setSelectionRange(next.caret, next.caret));
  }

  const open = suggestions.items.length > 0;
  return {
    box,
    picked,
    clearPicked: () => setPicked([]),
    /** Handles the key when the suggestion list wants it (arrows, Enter, Tab, Escape). */
    suggestionKey: (event: KeyboardEvent<HTMLTextAreaElement>) =>
      suggestions.onKeyDown(event, pick),
    list: (
      <ComposerSuggestions
        id={listId}
        label={suggestions.trigger?.kind === "mention" ? tNotes("mentionList") : tCanned("list")}
        items={suggestions.items}
        active={suggestions.active}
        onPick={pick}
      />
    ),
    textareaProps: {
      ref: box,
      value: draft,
      onChange: (event: ChangeEvent<HTMLTextAreaElement>) => {
        setDraft(event.target.value);
        setCaret(event.target.selectionStart);
      },
      onSelect: (event: SyntheticEvent<HTMLTextAreaElement>) =>
        setCaret(event.currentTarget.selectionStart),
      "aria-autocomplete": "list" as const,
      "aria-controls": open ? listId : undefined,
      "aria-activedescendant": open ? suggestionId(listId, suggestions.active) : undefined,
    },
  };
}
