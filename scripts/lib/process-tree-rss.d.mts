export type ProcessInfo = { pid: number; ppid: number; rssKiB: number; command: string };
export function listProcesses(): ProcessInfo[];
export function processTree(processes: ProcessInfo[], roots: number[]): ProcessInfo[];
export function printRss(processes: ProcessInfo[], write?: (line: string) => void): number;
