"use client";

import { Button } from "@echo/ui/components/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@echo/ui/components/dialog";
import { Input } from "@echo/ui/components/input";
import { Label } from "@echo/ui/components/label";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@echo/ui/components/select";
import { AlarmClockIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";

import {
  parseLocalDateTime,
  SNOOZE_PRESETS,
  type SnoozePreset,
  snoozeUntil,
  toLocalDateTime,
} from "../../lib/snooze-presets";

/**
 * Snoozes the conversation with a preset or a chosen date and time; while snoozed, says until
 * when and offers to bring it back now.
 */
export function SnoozeControl({
  snoozed,
  snoozedUntil,
  onSnooze,
  onUnsnooze,
}: {
  snoozed: boolean;
  snoozedUntil: number | undefined;
  onSnooze: (until: number | null) => Promise<void>;
  onUnsnooze: () => Promise<void>;
}) {
  const t = useTranslations("triage.snooze");
  const format = useFormatter();
  const [custom, setCustom] = useState(false);
  const [value, setValue] = useState("");
  const [earliest, setEarliest] = useState("");
  const inputId = useId();

  if (snoozed) {
    return (
      <span className="flex items-center gap-2 text-xs" data-testid="snoozed-notice">
        <AlarmClockIcon aria-hidden className="size-3.5" />
        {snoozedUntil
          ? t("until", {
              time: format.dateTime(snoozedUntil, {
                dateStyle: "medium",
                timeStyle: "short",
              }),
            })
          : t("untilReply")}
        <Button variant="outline" size="sm" onClick={() => void onUnsnooze()}>
          {t("unsnooze")}
        </Button>
      </span>
    );
  }

  const choose = (preset: SnoozePreset) => {
    if (preset === "custom") {
      const now = Date.now();
      setEarliest(toLocalDateTime(now));
      setValue(toLocalDateTime(now + 60 * 60 * 1000));
      setCustom(true);
      return;
    }
    void onSnooze(snoozeUntil(preset, new Date()));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const until = parseLocalDateTime(value);
    if (until === null) return;
    setCustom(false);
    void onSnooze(until);
  };

  return (
    <>
      <Select value="" onValueChange={(preset) => choose(preset as SnoozePreset)}>
        <SelectTrigger size="sm" aria-label={t("label")} data-testid="snooze-select">
          <AlarmClockIcon aria-hidden className="size-3.5" />
          <SelectValue placeholder={t("label")} />
        </SelectTrigger>
        <SelectContent>
          {SNOOZE_PRESETS.map((preset) => (
            <SelectItem key={preset} value={preset}>
              {t(`presets.${preset}`)}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Dialog open={custom} onOpenChange={setCustom}>
        <DialogContent closeLabel={t("cancel")}>
          <DialogTitle>{t("customTitle")}</DialogTitle>
          <DialogDescription>{t("customDescription")}</DialogDescription>
          <form onSubmit={submit} className="grid gap-3">
            <Label htmlFor={inputId}>{t("customLabel")}</Label>
            <Input
              id={inputId}
              type="datetime-local"
              step={1}
              value={value}
              min={earliest}
              onChange={(event) => setValue(event.target.value)}
              required
            />
            <Button type="submit">{t("confirm")}</Button>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
