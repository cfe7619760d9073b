"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { OfficeHours } from "@echo/backend/convex/lib/officeHours/validators";
import { Button } from "@echo/ui/components/button";
import { toast } from "@echo/ui/components/toaster";
import { Input } from "@echo/ui/components/input";
import { Label } from "@echo/ui/components/label";
import { useMutation, useQuery } from "convex/react";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

import { type DayRow, defaultHours, rowsOf, weeklyOf } from "../../lib/weekly-form";

/** Settings › Office hours: the weekly schedule, its time zone and holidays (admins edit). */
export function OfficeHoursView() {
  const t = useTranslations("officeHours");
  const hours = useQuery(api.private.officeHours.get);
  const organization = useQuery(api.private.organization.current);
  if (hours === undefined || organization === undefined) {
    return <div className="m-6 h-40 animate-pulse rounded-md bg-muted" aria-label={t("loading")} />;
  }
  const isAdmin = organization.role === "owner" || organization.role === "admin";
  return (
    <OfficeHoursForm
      initial={hours ?? defaultHours(Intl.DateTimeFormat().resolvedOptions().timeZone)}
      editable={isAdmin}
    />
  );
}

function OfficeHoursForm({ initial, editable }: { initial: OfficeHours; editable: boolean }) {
  const t = useTranslations("officeHours");
  const tToasts = useTranslations("actionToasts");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const update = useMutation(api.private.officeHours.update);
  const [enabled, setEnabled] = useState(initial.enabled);
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [rows, setRows] = useState<DayRow[]>(() => rowsOf(initial.weekly));
  const [holidays, setHolidays] = useState<string[]>(initial.holidays);
  const [holiday, setHoliday] = useState("");
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const zones = Intl.supportedValuesOf("timeZone");
  const dayName = (day: number) =>
    format.dateTime(new Date(Date.UTC(2026, 10, 1 + day)), { weekday: "long", timeZone: "UTC" });
  const setRow = (day: number, change: Partial<DayRow>) =>
    setRows((current) => current.map((row) => (row.day === day ? { ...row, ...change } : row)));

  async function save(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    try {
      await update({ enabled, timeZone, weekly: weeklyOf(rows), holidays });
      setMessage({ error: false, text: t("saved") });
      toast.success(tToasts("settingsSaved", { section: t("title") }));
    } catch (failure) {
      setMessage({ error: true, text: errorMessage(failure) });
    }
  }

  return (
    <form onSubmit={save} className="mx-auto grid w-full max-w-3xl gap-5 p-6">
      <header className="grid gap-1">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
        {!editable ? <p className="text-sm text-muted-foreground">{t("adminsOnly")}</p> : null}
      </header>
      <fieldset disabled={!editable} className="grid gap-5">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(event) => setEnabled(event.target.checked)}
          />
          {t("enabled")}
        </label>
        <div className="grid gap-1">
          <Label htmlFor="office-hours-zone">{t("timeZone")}</Label>
          <select
            id="office-hours-zone"
            value={timeZone}
            onChange={(event) => setTimeZone(event.target.value)}
            className="h-9 rounded-md border bg-transparent px-2 text-sm"
          >
            {(zones.includes(timeZone) ? zones : [timeZone, ...zones]).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </div>
        <table className="text-sm">
          <caption className="mb-2 text-left font-medium">{t("weekly")}</caption>
          <tbody>
            {rows.map((row) => (
              <tr key={row.day} className="h-10">
                <td className="pr-3">
                  <label className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      checked={row.open}
                      onChange={(event) => setRow(row.day, { open: event.target.checked })}
                    />
                    <span className="capitalize">{dayName(row.day)}</span>
                  </label>
                </td>
                {row.open ? (
                  <td className="flex items-center gap-2 py-1">
                    <Input
                      type="time"
                      aria-label={t("opens", { day: dayName(row.day) })}
                      value={row.from}
                      onChange={(event) => setRow(row.day, { from: event.target.value })}
                      className="w-28"
                    />
                    <span aria-hidden>–</span>
                    <Input
                      type="time"
                      aria-label={t("closes", { day: dayName(row.day) })}
                      value={row.to}
                      onChange={(event) => setRow(row.day, { to: event.target.value })}
                      className="w-28"
                    />
                  </td>
                ) : (
                  <td className="text-muted-foreground">{t("closed")}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="grid gap-2">
          <Label htmlFor="office-hours-holiday">{t("holidays")}</Label>
          <div className="flex flex-wrap gap-2">
            <Input
              id="office-hours-holiday"
              type="date"
              value={holiday}
              onChange={(event) => setHoliday(event.target.value)}
              className="w-44"
            />
            <Button
              type="button"
              variant="outline"
              disabled={!holiday || holidays.includes(holiday)}
              onClick={() => {
                setHolidays([...holidays, holiday].sort());
                setHoliday("");
              }}
            >
              {t("addHoliday")}
            </Button>
          </div>
          <ul className="flex flex-wrap gap-2" aria-label={t("holidays")}>
            {holidays.map((day) => (
              <li key={day} className="flex items-center gap-1 rounded-md border px-2 py-1 text-xs">
                {format.dateTime(new Date(`${day}T12:00:00Z`), {
                  dateStyle: "medium",
                  timeZone: "UTC",
                })}
                <button
                  type="button"
                  aria-label={t("removeHoliday", { day })}
                  onClick={() => setHolidays(holidays.filter((d) => d !== day))}
                  className="px-1"
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit">{t("save")}</Button>
          {message ? (
            <p
              role={message.error ? "alert" : "status"}
              className={
                message.error ? "text-sm text-destructive" : "text-sm text-muted-foreground"
              }
            >
              {message.text}
            </p>
          ) : null}
        </div>
      </fieldset>
    </form>
  );
}
