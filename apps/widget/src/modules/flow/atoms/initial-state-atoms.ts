import { atom } from "jotai";

import type { InitialState } from "../server/load-initial-state";

/** What the server already knew when it rendered the page; hydrated once at the root. */
export const initialStateAtom = atom<InitialState>({ organization: null, settings: null });
