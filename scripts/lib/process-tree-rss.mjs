import { readdirSync, readFileSync } from "node:fs";

function readProc(pid, file) {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return null; // the process ended between listing and reading
  }
}

/**
 * Every live process on this Linux machine: pid, parent pid, command line, RSS in KiB and the CPU
 * time it has used (user + system, in clock ticks of 1/100 s).
 */
export function listProcesses() {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      const pid = Number(name);
      const status = readProc(pid, "status");
      const cmdline = readProc(pid, "cmdline");
      const stat = readProc(pid, "stat");
      if (!status || cmdline === null || !stat) return [];
      const field = (key) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+)`, "m"))?.[1] ?? 0);
      // stat's fields after the command in parentheses: utime and stime are the 12th and 13th.
      const times = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return [
        {
          pid,
          ppid: field("PPid"),
          rssKiB: field("VmRSS"),
          cpuTicks: Number(times[11]) + Number(times[12]),
          command: cmdline.split("\0").filter(Boolean).join(" "),
        },
      ];
    });
}

/** The processes `roots` and all their descendants, from a `listProcesses()` snapshot. */
export function processTree(processes, roots) {
  const wanted = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const process of processes) {
      if (!wanted.has(process.pid) && wanted.has(process.ppid)) {
        wanted.add(process.pid);
        grew = true;
      }
    }
  }
  return processes.filter((process) => wanted.has(process.pid));
}

/** Prints one line per process and the total, in MiB; returns the total. */
export function printRss(processes, write = (line) => process.stdout.write(`${line}\n`)) {
  const mib = (kib) => (kib / 1024).toFixed(1).padStart(7);
  let total = 0;
  for (const { pid, rssKiB, command } of [...processes].sort((a, b) => b.rssKiB - a.rssKiB)) {
    total += rssKiB;
    write(`${mib(rssKiB)} MiB  ${String(pid).padStart(7)}  ${command.slice(0, 110)}`);
  }
  write(`${mib(total)} MiB  total in ${processes.length} processes`);
  return total / 1024;
}
