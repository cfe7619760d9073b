import type { ReplyLanguage } from "../answers/language";
import { attachmentCaption } from "../attachments/fileTypes";
import type { InboundMessage } from "./events";

/**
 * What a customer's WhatsApp message reads as in the thread: the words they typed when there are
 * any (those are what the agent answers), otherwise a line saying what they sent.
 */
export function inboundText(
  content: InboundMessage["content"],
  fileName: string | undefined,
): { text: string; typed: string } {
  switch (content.type) {
    case "text":
      return { text: content.text, typed: content.text };
    case "media": {
      const caption = content.caption?.trim() ?? "";
      return { text: caption || attachmentCaption([fileName ?? content.kind]), typed: caption };
    }
    case "location": {
      const at = `${content.latitude},${content.longitude}`;
      const name = content.name ? `${content.name} ` : "";
      return {
        text: `📍 ${name}https://www.openstreetmap.org/?mlat=${content.latitude}&mlon=${content.longitude} (${at})`,
        typed: "",
      };
    }
    case "contact":
      return { text: `👤 ${[content.name, content.phone].filter(Boolean).join(" ")}`, typed: "" };
    case "reaction":
      return { text: content.emoji || "∅", typed: "" };
  }
}

/** Said under a customer's file that could not be downloaded from the gateway, in their language. */
export const MEDIA_UNAVAILABLE: Record<ReplyLanguage, string> = {
  en: "(media unavailable: the file could not be downloaded from WhatsApp)",
  "pt-BR": "(mídia indisponível: não foi possível baixar o arquivo do WhatsApp)",
};

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/gif": "gif",
  "audio/ogg": "ogg",
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "video/mp4": "mp4",
  "application/pdf": "pdf",
};

/** WhatsApp names documents; photos, voice notes and videos come without a name. */
export function mediaFileName(
  content: Extract<InboundMessage["content"], { type: "media" }>,
  providerMessageId: string,
): string {
  if (content.fileName?.trim()) return content.fileName.trim();
  const prefix = content.voiceNote ? "voice-note" : content.kind;
  return `${prefix}-${providerMessageId.slice(0, 8)}.${EXTENSIONS[content.mimeType] ?? "bin"}`;
}
