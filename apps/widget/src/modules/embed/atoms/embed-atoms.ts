import { atom } from "jotai";

import type { EmbedBridge } from "../lib/embed-bridge";
import type { HostPage, VisitorIdentity } from "../lib/protocol";

/** The host page as `init` described it; null when not embedded or before init. */
export const hostPageAtom = atom<HostPage | null>(null);

export const embedBridgeAtom = atom<EmbedBridge | null>(null);

/** Whether the visitor sees the widget: the loader hides its frame instead of removing it. */
export const widgetOpenAtom = atom(true);

/** The visitor the host page signed in (`data-user-*`), unverified until the backend checks it. */
export const visitorIdentityAtom = atom<VisitorIdentity | null>(null);
