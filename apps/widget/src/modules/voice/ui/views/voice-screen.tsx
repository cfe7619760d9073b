"use client";

import { Alert } from "@echo/ui/components/alert";
import { Button } from "@echo/ui/components/button";
import { cn } from "@echo/ui/lib/utils";
import { Mic, MicOff, PhoneOff } from "lucide-react";
import { useTranslations } from "next-intl";

import { useVapiCall } from "../../hooks/use-vapi-call";

/** A voice call with the organization's Vapi assistant, with a live transcript. */
export function VoiceScreen({
  publicKey,
  assistantId,
}: {
  publicKey: string;
  assistantId: string;
}) {
  const t = useTranslations("voice");
  const { state, muted, lines, start, end, toggleMute } = useVapiCall(publicKey, assistantId);
  const inCall = state === "connecting" || state === "active";

  return (
    <section aria-label={t("title")} className="flex min-h-0 flex-1 flex-col gap-3 p-3">
      <p role="status" className="text-sm">
        {state === "connecting"
          ? t("connecting")
          : state === "active"
            ? t("inCall")
            : state === "ended"
              ? t("ended")
              : null}
      </p>
      {state === "failed" || state === "dropped" ? (
        <Alert variant="destructive">{t(state)}</Alert>
      ) : null}
      <ol
        aria-label={t("transcript")}
        aria-live="polite"
        className="flex flex-1 flex-col gap-2 overflow-y-auto"
      >
        {lines.map((line, index) => (
          <li
            key={index}
            className={cn("flex flex-col", line.role === "user" ? "items-end" : "items-start")}
          >
            <span className="sr-only">{line.role === "user" ? t("you") : t("assistant")}</span>
            <span
              className={cn(
                "max-w-[85%] rounded-2xl px-3 py-2 text-sm",
                line.role === "user"
                  ? "bg-primary text-primary-foreground"
                  : "border bg-card text-card-foreground",
                !line.final && "opacity-80",
              )}
            >
              {line.text}
            </span>
          </li>
        ))}
      </ol>
      <div className="flex justify-center gap-2">
        {inCall ? (
          <>
            <Button
              variant="outline"
              size="icon"
              aria-label={muted ? t("unmute") : t("mute")}
              aria-pressed={muted}
              onClick={toggleMute}
              disabled={state !== "active"}
            >
              {muted ? <MicOff aria-hidden /> : <Mic aria-hidden />}
            </Button>
            <Button variant="destructive" onClick={end}>
              <PhoneOff aria-hidden />
              {t("end")}
            </Button>
          </>
        ) : (
          <Button onClick={() => void start()}>
            <Mic aria-hidden />
            {t("start")}
          </Button>
        )}
      </div>
    </section>
  );
}
