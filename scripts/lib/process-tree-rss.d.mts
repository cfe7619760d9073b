export type ProcessInfo = {
  pid: number;
  ppid: number;
  rssKiB: number;
  /** User + system CPU time in clock ticks (1/100 s). */
  cpuTicks: number;
  command: string;
};
export function listProcesses(): ProcessInfo[];
export function processTree(processes: ProcessInfo[], roots: number[]): ProcessInfo[];
export function printRss(processes: ProcessInfo[], write?: (line: string) => void): number;
