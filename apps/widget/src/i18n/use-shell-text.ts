import { useAtomValue } from "jotai";

import { shellTextAtom } from "./intl-atoms";
import type { ShellText } from "./shell-text";

/** The shell's translated words (hydrated at the root from the page's props). */
export function useShellText(): ShellText {
  const text = useAtomValue(shellTextAtom);
  if (!text) throw new Error("the widget's shell text is missing (shellTextAtom)");
  return text;
}
