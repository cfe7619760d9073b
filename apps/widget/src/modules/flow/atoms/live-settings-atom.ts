import { atom } from "jotai";

import type { InitialSettings } from "../server/load-initial-state";

/** The organization's widget settings as the live query last saw them; undefined until then. */
export const liveSettingsAtom = atom<InitialSettings | undefined>(undefined);
