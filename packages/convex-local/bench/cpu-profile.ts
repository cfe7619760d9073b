// Samples this process's event loop while some work runs and writes a V8 CPU profile for bench/cpuprofile.ts.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

/** Runs `work`, sampling every 100 µs, and writes the profile to `file` (null: just runs it). */
export async function profiled<T>(file: string | null, work: () => Promise<T>): Promise<T> {
  if (file === null) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}
