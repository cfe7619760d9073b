import { atom } from "jotai";

/** The organization's display name, known once the loading screen has validated it. */
export const organizationNameAtom = atom<string | null>(null);
