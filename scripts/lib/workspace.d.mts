export function installInputs(root: string, pnpmVersion: string): string;
export function installIsCurrent(root: string, wanted: string): boolean;
export function installWorkspace(
  root: string,
  options?: { pnpmVersion?: string; log?: (message: string) => void },
): boolean;
