"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Doc, Id } from "@echo/backend/convex/_generated/dataModel";
import type { Priority } from "@echo/backend/convex/lib/triage/validators";
import { useMutation, useQuery } from "convex/react";

import { ConversationTags } from "./conversation-tags";
import { PrioritySelect } from "./priority-select";
import { SnoozeControl } from "./snooze-control";

type Triage = Pick<Doc<"conversations">, "tagIds" | "snoozed" | "snoozedUntil"> & {
  priority: Priority;
};

/** Priority, snooze and tags for one conversation, under its header. */
export function ConversationTriage({
  conversationId,
  conversation,
  run,
}: {
  conversationId: Id<"conversations">;
  conversation: Triage;
  run: (action: () => Promise<unknown>) => Promise<void>;
}) {
  const tags = useQuery(api.private.tags.list);
  const setPriority = useMutation(api.private.conversationTriage.setPriority);
  const snooze = useMutation(api.private.conversationTriage.snooze);
  const unsnooze = useMutation(api.private.conversationTriage.unsnooze);
  const addTag = useMutation(api.private.conversationTriage.addTag);
  const removeTag = useMutation(api.private.conversationTriage.removeTag);
  return (
    <div className="flex w-full flex-wrap items-center gap-2" data-testid="conversation-triage">
      <PrioritySelect
        value={conversation.priority}
        onChange={(priority) => void run(() => setPriority({ conversationId, priority }))}
      />
      <SnoozeControl
        snoozed={conversation.snoozed === true}
        snoozedUntil={conversation.snoozedUntil}
        onSnooze={(until) => run(() => snooze({ conversationId, until }))}
        onUnsnooze={() => run(() => unsnooze({ conversationId }))}
      />
      {tags ? (
        <ConversationTags
          tags={tags}
          tagIds={conversation.tagIds ?? []}
          onAdd={(tagId) => void run(() => addTag({ conversationId, tagId }))}
          onRemove={(tagId) => void run(() => removeTag({ conversationId, tagId }))}
        />
      ) : null}
    </div>
  );
}
