// CPU time of this process's threads by name (Linux /proc), for telling the event loop's share from
// the GC helpers', the thread pool's and worker threads' (the checkpointer).
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Microseconds of CPU per thread name, summed over the threads of that name; empty off Linux. */
export function threadCpuUs(): Map<string, number> {
  const byName = new Map<string, number>();
  let tasks: string[];
  try {
    tasks = readdirSync("/proc/self/task");
  } catch {
    return byName;
  }
  for (const task of tasks) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/self/task/${task}/stat`, "utf8");
    } catch {
      continue; // The thread ended between the listing and the read.
    }
    // Node names its helper threads "node" too: the event loop's is the one whose id is the process's.
    const name =
      Number(task) === process.pid
        ? "event loop"
        : stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    byName.set(name, (byName.get(name) ?? 0) + (ticks * 1e6) / TICKS_PER_SECOND);
  }
  return byName;
}

/** Per-thread-name CPU µs spent since `before` (a `threadCpuUs()` reading), divided by `per`. */
export function threadCpuSince(before: Map<string, number>, per: number): string {
  const rows: Array<[string, number]> = [];
  for (const [name, us] of threadCpuUs()) {
    const spent = us - (before.get(name) ?? 0);
    if (spent > 0) rows.push([name, spent / per]);
  }
  return rows
    .sort((a, b) => b[1] - a[1])
    .map(([name, us]) => `${name} ${us.toFixed(0)}`)
    .join(", ");
}
