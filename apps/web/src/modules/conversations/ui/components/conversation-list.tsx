"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { Avatar } from "@echo/ui/components/avatar";
import { Badge } from "@echo/ui/components/badge";
import { Button } from "@echo/ui/components/button";
import { EmptyState } from "@echo/ui/components/empty-state";
import { SkeletonList } from "@echo/ui/components/skeleton";
import { markdownPlainText } from "@echo/ui/lib/markdown-plain-text";
import { cn } from "@echo/ui/lib/utils";
import { usePaginatedQuery, useQuery } from "convex/react";
import { InboxIcon, SearchXIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useParams } from "next/navigation";
import { useEffect, useRef } from "react";

import { Link, useRouter } from "@/i18n/navigation";

import { useInboxFilters } from "../../hooks/use-inbox-filters";
import { useInboxShortcuts } from "../../hooks/use-inbox-shortcuts";
import { assigneeQueryArg } from "../../lib/assignee-filter";
import { statusBadgeVariant } from "../../lib/conversation-status";
import { contactInboxQueryArgs, hasContactInboxFilter } from "../../lib/contact-inbox-filters";
import { hasTriageFilter, triageQueryArgs } from "../../lib/triage-filters";
import { adjacentConversation, INBOX_LIST_ATTRIBUTE } from "../../lib/inbox-shortcuts";
import { PriorityIcon } from "@/modules/triage/ui/components/priority-icon";
import { TagChip } from "@/modules/triage/ui/components/tag-chip";

import { AssigneeTag } from "./assignee-tag";
import { ChannelBadge } from "./channel-badge";
import { RelativeTime } from "./relative-time";

const PAGE_SIZE = 20;

export function ConversationList() {
  const t = useTranslations("conversations");
  const tEmpty = useTranslations("emptyStates");
  const tPriority = useTranslations("triage.priority");
  const { status, search, assignee, triage, contact, channel, query } = useInboxFilters();
  const tags = useQuery(api.private.tags.list);
  const tagById = new Map((tags ?? []).map((tag) => [tag._id, tag]));
  const params = useParams<{ conversationId?: string }>();
  const organization = useQuery(api.private.organization.current);
  const members = useQuery(api.private.members.list);
  const byAssignee = assigneeQueryArg(assignee, organization?.userId);
  const {
    results,
    status: loadStatus,
    loadMore,
  } = usePaginatedQuery(
    api.private.conversations.list,
    byAssignee === "skip"
      ? "skip"
      : {
          status: status === "all" ? undefined : status,
          search: search.trim() || undefined,
          ...byAssignee,
          ...triageQueryArgs(triage),
          ...contactInboxQueryArgs(contact),
          channel: channel === "all" ? undefined : channel,
        },
    { initialNumItems: PAGE_SIZE },
  );
  const sentinel = useRef<HTMLLIElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const router = useRouter();
  const selectedId = params.conversationId;

  const open = (step: 1 | -1) => {
    const id = adjacentConversation(
      results.map((conversation) => conversation._id),
      selectedId,
      step,
    );
    if (id && id !== selectedId) router.push(`/conversations/${id}${query ? `?${query}` : ""}`);
  };
  useInboxShortcuts({ next: () => open(1), previous: () => open(-1) });

  useEffect(() => {
    const selected = list.current?.querySelector<HTMLElement>('[aria-current="page"]');
    selected?.scrollIntoView({ block: "nearest" });
    // Arrow keys keep working from the conversation they opened.
    if (selected && list.current?.contains(document.activeElement)) selected.focus();
  }, [selectedId]);

  useEffect(() => {
    const node = sentinel.current;
    if (!node || loadStatus !== "CanLoadMore") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) loadMore(PAGE_SIZE);
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [loadStatus, loadMore]);

  if (loadStatus === "LoadingFirstPage") {
    return <SkeletonList className="p-4" label={t("loading")} rows={5} />;
  }
  if (results.length === 0) {
    return search ||
      status !== "all" ||
      assignee !== "all" ||
      channel !== "all" ||
      hasTriageFilter(triage) ||
      hasContactInboxFilter(contact) ? (
      <EmptyState icon={SearchXIcon} title={t("noMatches")} />
    ) : (
      <EmptyState
        icon={InboxIcon}
        title={t("empty")}
        action={
          <Button asChild variant="outline" size="sm">
            <Link href="/integrations">{tEmpty("inboxAction")}</Link>
          </Button>
        }
      />
    );
  }
  return (
    <ul
      ref={list}
      className="divide-y"
      aria-label={t("listLabel")}
      {...{ [INBOX_LIST_ATTRIBUTE]: "" }}
    >
      {results.map((conversation) => {
        const selected = params.conversationId === conversation._id;
        const unread = conversation.unreadByOperator > 0;
        return (
          <li key={conversation._id}>
            <Link
              href={`/conversations/${conversation._id}${query ? `?${query}` : ""}`}
              aria-current={selected ? "page" : undefined}
              className={cn(
                "flex flex-col gap-1 px-4 py-3 hover:bg-accent",
                selected && "bg-accent",
              )}
            >
              <span className="flex items-center justify-between gap-2">
                <span
                  className={cn(
                    "flex min-w-0 items-center gap-1 text-sm",
                    unread && "font-semibold",
                  )}
                >
                  {conversation.priority !== "none" ? (
                    <span title={tPriority(`levels.${conversation.priority}`)}>
                      <PriorityIcon priority={conversation.priority} />
                      <span className="sr-only">
                        {tPriority(`levels.${conversation.priority}`)}
                      </span>
                    </span>
                  ) : null}
                  <Avatar
                    size="sm"
                    name={conversation.contact.name}
                    colorKey={conversation.contact.email ?? conversation.contact.name}
                  />
                  <span className="truncate">
                    {unread ? <span className="sr-only">{t("unread")} </span> : null}
                    {conversation.contact.name}
                  </span>
                </span>
                <RelativeTime
                  className="shrink-0 text-xs text-muted-foreground"
                  at={conversation.lastMessageAt}
                />
              </span>
              <span className="flex items-center gap-2">
                <Badge variant={statusBadgeVariant(conversation.status)}>
                  {t(`status.${conversation.status}`)}
                </Badge>
                <ChannelBadge channel={conversation.channel} />
                {unread ? (
                  <span
                    className="size-2 shrink-0 rounded-full bg-primary"
                    aria-hidden="true"
                    data-testid="unread-dot"
                  />
                ) : null}
                <span className="truncate text-xs text-muted-foreground">
                  {markdownPlainText(conversation.lastMessage?.text ?? "")}
                </span>
                <AssigneeTag
                  assigneeId={conversation.assigneeId}
                  members={members}
                  currentUserId={organization?.userId}
                />
              </span>
              {conversation.tagIds?.length ? (
                <span className="flex flex-wrap gap-1">
                  {conversation.tagIds.map((id) => {
                    const tag = tagById.get(id);
                    return tag ? <TagChip key={id} name={tag.name} color={tag.color} /> : null;
                  })}
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
      <li ref={sentinel} className="p-2 text-center">
        {loadStatus === "CanLoadMore" ? (
          <Button variant="ghost" size="sm" onClick={() => loadMore(PAGE_SIZE)}>
            {t("loadMore")}
          </Button>
        ) : loadStatus === "LoadingMore" ? (
          <span className="text-xs text-muted-foreground">{t("loading")}</span>
        ) : null}
      </li>
    </ul>
  );
}
