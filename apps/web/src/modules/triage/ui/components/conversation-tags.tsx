"use client";

import type { Doc, Id } from "@echo/backend/convex/_generated/dataModel";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@echo/ui/components/select";
import { TagIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { TagChip } from "./tag-chip";

/** The conversation's tags as chips that come off, and a picker for the organization's others. */
export function ConversationTags({
  tags,
  tagIds,
  onAdd,
  onRemove,
}: {
  tags: Doc<"tags">[];
  tagIds: Id<"tags">[];
  onAdd: (tagId: Id<"tags">) => void;
  onRemove: (tagId: Id<"tags">) => void;
}) {
  const t = useTranslations("triage.tags");
  const byId = new Map(tags.map((tag) => [tag._id, tag]));
  const others = tags.filter((tag) => !tagIds.includes(tag._id));
  return (
    <div className="flex flex-wrap items-center gap-1" aria-label={t("label")} role="group">
      {tagIds.map((id) => {
        const tag = byId.get(id);
        return tag ? (
          <TagChip
            key={id}
            name={tag.name}
            color={tag.color}
            onRemove={() => onRemove(id)}
            removeLabel={t("remove", { name: tag.name })}
          />
        ) : null;
      })}
      {others.length > 0 ? (
        <Select value="" onValueChange={(id) => onAdd(id as Id<"tags">)}>
          <SelectTrigger size="sm" aria-label={t("add")} data-testid="add-tag">
            <TagIcon aria-hidden className="size-3.5" />
            <SelectValue placeholder={t("add")} />
          </SelectTrigger>
          <SelectContent>
            {others.map((tag) => (
              <SelectItem key={tag._id} value={tag._id}>
                <TagChip name={tag.name} color={tag.color} />
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      ) : tags.length === 0 ? (
        <span className="text-xs text-muted-foreground">{t("noneDefined")}</span>
      ) : null}
    </div>
  );
}
