import { atom } from "jotai";

import type { Locale } from "./locales";
import type { Messages } from "./message-catalog";
import type { ShellText } from "./shell-text";

export type IntlConfig = { locale: Locale; messages: Messages; timeZone: string };

/** The page's locale and messages, for the screens that translate in the browser (WidgetIntl). */
export const intlAtom = atom<IntlConfig | null>(null);

/** The shell's words, already translated by the server (see shell-text.ts). */
export const shellTextAtom = atom<ShellText | null>(null);
