import { atomWithReducer } from "jotai/utils";

import { flowReducer, initialFlow } from "../lib/screen-flow";

export const flowAtom = atomWithReducer(initialFlow, flowReducer);
