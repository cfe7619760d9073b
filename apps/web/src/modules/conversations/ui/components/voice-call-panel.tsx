"use client";

import type { VoiceCall } from "@echo/backend/convex/lib/validators";
import { useTranslations } from "next-intl";

import { callClock, endedReasonKey, isoDuration, recordingHref } from "../../lib/voice-call";

/** What Vapi reported about a finished call: summary, length, how it ended and the recording. */
export function VoiceCallPanel({ call }: { call: VoiceCall }) {
  const t = useTranslations("conversations.voiceCall");
  const recording = recordingHref(call.recordingUrl);
  const duration =
    call.durationSeconds !== undefined && call.durationSeconds >= 0 ? call.durationSeconds : null;
  const reason = call.endedReason ? endedReasonKey(call.endedReason) : null;
  return (
    <section
      aria-label={t("title")}
      data-testid="voice-call"
      className="grid gap-3 border-b bg-muted/40 p-4 text-sm"
    >
      <h3 className="font-semibold">{t("title")}</h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-muted-foreground">{t("summary")}</dt>
        <dd data-testid="voice-call-summary">{call.summary ?? t("noSummary")}</dd>
        <dt className="text-muted-foreground">{t("duration")}</dt>
        <dd>
          {duration === null ? (
            t("unknown")
          ) : (
            <time dateTime={isoDuration(duration)}>{callClock(duration)}</time>
          )}
        </dd>
        <dt className="text-muted-foreground">{t("ended")}</dt>
        <dd>
          {reason === null
            ? t("unknown")
            : reason === "other"
              ? t("endedReasons.other", { reason: call.endedReason ?? "" })
              : t(`endedReasons.${reason}`)}
        </dd>
        {call.customerNumber ? (
          <>
            <dt className="text-muted-foreground">{t("caller")}</dt>
            <dd>{call.customerNumber}</dd>
          </>
        ) : null}
      </dl>
      {recording ? (
        <div className="grid gap-1">
          <audio
            controls
            preload="metadata"
            src={recording}
            aria-label={t("recording")}
            className="w-full"
          />
          <a href={recording} target="_blank" rel="noreferrer" className="w-fit underline">
            {t("openRecording")}
          </a>
        </div>
      ) : (
        <p className="text-muted-foreground">
          {call.recordingUrl ? t("badRecording") : t("noRecording")}
        </p>
      )}
    </section>
  );
}
