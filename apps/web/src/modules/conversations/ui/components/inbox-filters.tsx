"use client";

import { Input } from "@echo/ui/components/input";
import { cn } from "@echo/ui/lib/utils";
import { SearchIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

import { useInboxFilters } from "../../hooks/use-inbox-filters";
import { useInboxShortcuts } from "../../hooks/use-inbox-shortcuts";
import { countActiveFilters } from "../../lib/active-filters";
import { CONVERSATION_STATUSES, type StatusFilter } from "../../lib/conversation-status";
import { AssigneeFilter } from "./assignee-filter";
import { ContactInboxFilters } from "./contact-inbox-filters";
import { ChannelFilter } from "./channel-filter";
import { FilterDisclosure } from "./filter-disclosure";
import { TriageFilters } from "./triage-filters";

const FILTERS: StatusFilter[] = ["all", ...CONVERSATION_STATUSES];
const SEARCH_DELAY_MS = 300;

export function InboxFilters() {
  const t = useTranslations("conversations");
  const tTriage = useTranslations("triage.filters");
  const { status, search, assignee, triage, contact, channel, update } = useInboxFilters();
  const [text, setText] = useState(search);
  const searchInput = useRef<HTMLInputElement>(null);
  useInboxShortcuts({ search: () => searchInput.current?.focus() });

  useEffect(() => {
    if (text === search) return;
    const timer = setTimeout(() => update({ search: text }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, search, update]);

  return (
    <div className="grid gap-2 border-b p-3">
      <div className="relative">
        <SearchIcon
          aria-hidden
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
        />
        <Input
          ref={searchInput}
          type="search"
          aria-keyshortcuts="/"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={t("searchPlaceholder")}
          aria-label={t("search")}
          className="pl-8"
        />
      </div>
      <div role="group" aria-label={t("statusFilter")} className="flex flex-wrap gap-1">
        {FILTERS.map((filter) => (
          <button
            key={filter}
            type="button"
            aria-pressed={status === filter}
            onClick={() => update({ status: filter })}
            className={cn(
              "rounded-md border px-2 py-1 text-xs",
              status === filter
                ? "border-primary bg-primary text-primary-foreground"
                : "hover:bg-accent",
            )}
          >
            {t(`filters.${filter}`)}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={triage.snoozed}
          onClick={() => update({ snoozed: !triage.snoozed })}
          className={cn(
            "rounded-md border px-2 py-1 text-xs",
            triage.snoozed
              ? "border-primary bg-primary text-primary-foreground"
              : "hover:bg-accent",
          )}
        >
          {tTriage("snoozed")}
        </button>
      </div>
      <FilterDisclosure activeCount={countActiveFilters({ assignee, triage, contact, channel })}>
        <AssigneeFilter />
        <TriageFilters />
        <ContactInboxFilters />
        <ChannelFilter />
      </FilterDisclosure>
    </div>
  );
}
