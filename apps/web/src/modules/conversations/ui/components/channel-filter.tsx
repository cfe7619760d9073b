"use client";

import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@echo/ui/components/select";
import { useTranslations } from "next-intl";

import { useInboxFilters } from "../../hooks/use-inbox-filters";
import { CHANNELS, type ChannelFilter as Filter } from "../../lib/channel-filter";

/** Narrows the inbox to one channel. */
export function ChannelFilter() {
  const t = useTranslations("channels");
  const { channel, update } = useInboxFilters();
  return (
    <Select value={channel} onValueChange={(value) => update({ channel: value as Filter })}>
      <SelectTrigger
        size="sm"
        aria-label={t("filter")}
        className="w-full min-w-0 overflow-hidden"
        data-testid="channel-filter"
      >
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value="all">{t("any")}</SelectItem>
        {CHANNELS.map((option) => (
          <SelectItem key={option} value={option}>
            {t(option)}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
