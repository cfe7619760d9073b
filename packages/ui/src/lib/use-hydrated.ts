import { useSyncExternalStore } from "react";

const subscribeNever = () => () => undefined;

/** False on the server and during hydration, true from the first render after it. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
