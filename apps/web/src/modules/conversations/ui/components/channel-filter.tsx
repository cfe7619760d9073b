"use client";

import { SelectItem } from "@echo/ui/components/select";
import { useTranslations } from "next-intl";

import { useInboxFilters } from "../../hooks/use-inbox-filters";
import { CHANNELS, type ChannelFilter as Filter } from "../../lib/channel-filter";
import { InboxFilterSelect } from "./inbox-filter-select";

/** Narrows the inbox to one channel. */
export function ChannelFilter() {
  const t = useTranslations("channels");
  const { channel, update } = useInboxFilters();
  return (
    <InboxFilterSelect
      label={t("filter")}
      testId="channel-filter"
      value={channel}
      onValueChange={(value) => update({ channel: value as Filter })}
    >
      <SelectItem value="all">{t("any")}</SelectItem>
      {CHANNELS.map((option) => (
        <SelectItem key={option} value={option}>
          {t(option)}
        </SelectItem>
      ))}
    </InboxFilterSelect>
  );
}
