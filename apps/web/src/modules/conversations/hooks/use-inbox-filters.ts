"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";

import { usePathname, useRouter } from "@/i18n/navigation";

import { type AssigneeFilter, parseAssigneeFilter } from "../lib/assignee-filter";
import {
  type ContactInboxFilters,
  parseContactInboxFilters,
  writeContactInboxFilters,
} from "../lib/contact-inbox-filters";
import { type ChannelFilter, parseChannelFilter } from "../lib/channel-filter";
import { parseStatusFilter, type StatusFilter } from "../lib/conversation-status";
import { parseTriageFilters, type TriageFilters, writeTriageFilters } from "../lib/triage-filters";

/** The inbox filters live in the URL, so reloading or sharing a link keeps them. */
export function useInboxFilters() {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const status = parseStatusFilter(params.get("status"));
  const search = params.get("q") ?? "";
  const assignee = parseAssigneeFilter(params.get("assignee"));
  const triage = parseTriageFilters(params);
  const contact = parseContactInboxFilters(params);
  const channel = parseChannelFilter(params.get("channel"));

  const update = useCallback(
    (
      changes: {
        status?: StatusFilter;
        search?: string;
        assignee?: AssigneeFilter;
        channel?: ChannelFilter;
      } & Partial<TriageFilters> &
        Partial<ContactInboxFilters>,
    ) => {
      const next = new URLSearchParams(params.toString());
      writeTriageFilters(next, changes);
      writeContactInboxFilters(next, changes);
      if (changes.status !== undefined) {
        if (changes.status === "all") next.delete("status");
        else next.set("status", changes.status);
      }
      if (changes.search !== undefined) {
        if (changes.search.trim()) next.set("q", changes.search);
        else next.delete("q");
      }
      if (changes.assignee !== undefined) {
        if (changes.assignee === "all") next.delete("assignee");
        else next.set("assignee", changes.assignee);
      }
      if (changes.channel !== undefined) {
        if (changes.channel === "all") next.delete("channel");
        else next.set("channel", changes.channel);
      }
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname);
    },
    [params, pathname, router],
  );

  return { status, search, assignee, triage, contact, channel, query: params.toString(), update };
}
