import { createTranslator } from "next-intl";

import type english from "../../messages/en.json";

import type { Locale } from "./locales";
import type { Messages } from "./message-catalog";

/** The words the widget's shell shows (frame, header, spinner), translated before they ship. */
export type ShellText = {
  title: string;
  loading: string;
  back: string;
  close: string;
  logoAlt: string;
  retrievalMode: string;
  screenTitles: { chat: string; inbox: string; voice: string; contact: string };
};

/**
 * Translated on the server, so the first load needs no translator: only the screens that load
 * after it (auth, errors, the live part) carry next-intl's provider and the messages.
 */
export function shellText(
  locale: Locale,
  messages: Messages,
  organizationName: string | null,
): ShellText {
  const t = createTranslator({ locale, messages: messages as typeof english });
  const title = t("widget.title");
  return {
    title,
    loading: t("widget.loading"),
    back: t("widget.back"),
    close: t("widget.close"),
    logoAlt: t("widget.logoAlt", { name: organizationName ?? title }),
    retrievalMode: t("widget.retrievalMode"),
    screenTitles: {
      chat: t("chat.title"),
      inbox: t("inbox.title"),
      voice: t("voice.title"),
      contact: t("contact.title"),
    },
  };
}
