"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { PRIORITIES } from "@echo/backend/convex/lib/triage/validators";
import { SelectItem } from "@echo/ui/components/select";
import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";

import { PriorityIcon } from "@/modules/triage/ui/components/priority-icon";
import { TagChip } from "@/modules/triage/ui/components/tag-chip";

import { useInboxFilters } from "../../hooks/use-inbox-filters";
import type { TriageFilters as Filters } from "../../lib/triage-filters";
import { InboxFilterSelect } from "./inbox-filter-select";

const ALL = "all";

/**
 * Narrows the inbox by tag and priority, and orders it by activity or priority; one select a
 * row, so "Qualquer etiqueta" and the like read in full in the inbox's 320 px column.
 */
export function TriageFilters() {
  const t = useTranslations("triage.filters");
  const levels = useTranslations("triage.priority.levels");
  const { triage, update } = useInboxFilters();
  const tags = useQuery(api.private.tags.list);
  return (
    <div className="grid gap-1">
      <InboxFilterSelect
        label={t("tag")}
        testId="tag-filter"
        value={triage.tag ?? ALL}
        onValueChange={(tag) => update({ tag: tag === ALL ? null : tag })}
      >
        <SelectItem value={ALL}>{t("anyTag")}</SelectItem>
        {triage.tag && !tags?.some((tag) => tag._id === triage.tag) ? (
          <SelectItem value={triage.tag} disabled>
            {t("unlistedTag")}
          </SelectItem>
        ) : null}
        {(tags ?? []).map((tag) => (
          <SelectItem key={tag._id} value={tag._id}>
            <TagChip name={tag.name} color={tag.color} />
          </SelectItem>
        ))}
      </InboxFilterSelect>
      <InboxFilterSelect
        label={t("priority")}
        testId="priority-filter"
        value={triage.priority}
        onValueChange={(priority) => update({ priority: priority as Filters["priority"] })}
      >
        <SelectItem value={ALL}>{t("anyPriority")}</SelectItem>
        {PRIORITIES.map((priority) => (
          <SelectItem key={priority} value={priority}>
            <span className="flex items-center gap-1.5">
              <PriorityIcon priority={priority} />
              {levels(priority)}
            </span>
          </SelectItem>
        ))}
      </InboxFilterSelect>
      <InboxFilterSelect
        label={t("sort")}
        testId="inbox-sort"
        value={triage.sort}
        onValueChange={(sort) => update({ sort: sort as Filters["sort"] })}
      >
        <SelectItem value="recent">{t("sortRecent")}</SelectItem>
        <SelectItem value="priority">{t("sortPriority")}</SelectItem>
      </InboxFilterSelect>
    </div>
  );
}
