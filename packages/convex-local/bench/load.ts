// The bench's load generator: runs the official Convex clients in a child process, so their own
// CPU time is neither spent on the server's event loop nor counted in the server's CPU time.
import { fork } from "node:child_process";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { api } from "../test/fixtures/basic/convex/_generated/api.js";

export type ClientKind = "http" | "ws";

export type LoadTask =
  | { task: "commits"; url: string; kind: ClientKind; clients: number; seconds: number }
  | { task: "reactivity"; url: string; subscriptions: number; writes: number }
  | { task: "history"; url: string; jobs: number; mutations: number };

/** `clientCpuUs`: the load generator's own CPU time over the timed run (all its clients). */
export type CommitsResult = { latencies: number[]; elapsedMs: number; clientCpuUs: number };

/**
 * Each update the subscriber saw: the new message's id, when the WebSocket message carrying it
 * arrived and when onUpdate saw it (monotonic ms); and the subscriber process's GC pauses.
 */
export type ReactivityResult = {
  updates: Array<{ id: string; arrivedAt: number; receivedAt: number }>;
  gc: Pause[];
};

/** A garbage collection pause: start and duration, monotonic ms. */
export type Pause = { at: number; ms: number };

/** Records this process's GC pauses from now on; call the result to stop and read them. */
export function watchGc(): () => Pause[] {
  const pauses: Pause[] = [];
  const offset = monotonicMs() - performance.now();
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ at: e.startTime + offset, ms: e.duration });
  });
  observer.observe({ entryTypes: ["gc"] });
  return () => {
    observer.disconnect();
    return pauses;
  };
}

/** Milliseconds per scheduled job (schedule → done) and per one-insert mutation, one after another. */
export type HistoryResult = { jobMs: number[]; mutationMs: number[] };

/** Monotonic milliseconds shared by every thread of the process. */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

type Sender = {
  send(args: { channel: string; author: string; body: string }): Promise<string>;
  close(): Promise<void>;
};

function sender(url: string, kind: ClientKind): Sender {
  if (kind === "http") {
    const client = new ConvexHttpClient(url, { logger: false });
    return { send: (args) => client.mutation(api.messages.send, args), close: async () => {} };
  }
  const client = new ConvexClient(url, { logger: false });
  return { send: (args) => client.mutation(api.messages.send, args), close: () => client.close() };
}

async function commits(task: Extract<LoadTask, { task: "commits" }>): Promise<CommitsResult> {
  const senders = Array.from({ length: task.clients }, () => sender(task.url, task.kind));
  // One warm-up call per client opens its connection before the clock starts.
  await Promise.all(
    senders.map((s, c) => s.send({ channel: `warm-${c}`, author: "bench", body: "warm" })),
  );
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  const started = monotonicMs();
  const deadline = started + task.seconds * 1000;
  await Promise.all(
    senders.map(async (s, c) => {
      for (let i = 0; monotonicMs() < deadline; i++) {
        const t0 = monotonicMs();
        await s.send({ channel: `bench-${c}`, author: "bench", body: `${i}` });
        latencies.push(monotonicMs() - t0);
      }
    }),
  );
  const elapsedMs = monotonicMs() - started;
  const used = process.cpuUsage(cpu);
  await Promise.all(senders.map((s) => s.close()));
  return { latencies, elapsedMs, clientCpuUs: used.user + used.system };
}

async function reactivity(
  task: Extract<LoadTask, { task: "reactivity" }>,
): Promise<ReactivityResult> {
  let arrivedAt = 0;
  // The client's decoding starts when its socket's message event fires: stamp it first.
  class StampedWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: ConstructorParameters<typeof WebSocket>[1]) {
      super(url, protocols);
      this.addEventListener("message", () => (arrivedAt = monotonicMs()));
    }
  }
  const client = new ConvexClient(task.url, {
    logger: false,
    webSocketConstructor: StampedWebSocket,
  });
  const waiting = new Map<string, (id: string) => void>();
  const ready: Array<Promise<void>> = [];
  for (let i = 0; i < task.subscriptions; i++) {
    const channel = `sub-${i}`;
    let first = true;
    ready.push(
      new Promise((resolve) => {
        client.onUpdate(api.messages.list, { channel }, (rows) => {
          if (first) {
            first = false;
            resolve();
            return;
          }
          const newest = rows[rows.length - 1];
          if (newest) waiting.get(channel)?.(newest._id);
        });
      }),
    );
  }
  await Promise.all(ready);
  const writer = new ConvexHttpClient(task.url, { logger: false });
  const updates: ReactivityResult["updates"] = [];
  const stopGc = watchGc();
  for (let i = 0; i < task.writes; i++) {
    const channel = `sub-${Math.floor(Math.random() * task.subscriptions)}`;
    const updated = new Promise<ReactivityResult["updates"][number]>((resolve) =>
      waiting.set(channel, (id) => resolve({ id, arrivedAt, receivedAt: monotonicMs() })),
    );
    await writer.mutation(api.messages.send, { channel, author: "bench", body: `${i}` });
    updates.push(await updated);
    waiting.delete(channel);
  }
  const gc = stopGc();
  await client.close();
  return { updates, gc };
}

/** `runAfter(0)` from a mutation until the client sees the job's state turn "success". */
async function history(task: Extract<LoadTask, { task: "history" }>): Promise<HistoryResult> {
  const client = new ConvexClient(task.url, { logger: false });
  const http = new ConvexHttpClient(task.url, { logger: false });
  await http.mutation(api.messages.send, { channel: "warm", author: "bench", body: "warm" });
  const jobMs: number[] = [];
  for (let i = 0; i < task.jobs; i++) {
    const t0 = monotonicMs();
    const id = await client.mutation(api.jobs.later, { kind: "bench", delayMs: 0 });
    await new Promise<void>((resolve) => {
      const stop = client.onUpdate(api.jobs.jobState, { id: id as never }, (state) => {
        if (state !== "success") return;
        stop();
        resolve();
      });
    });
    jobMs.push(monotonicMs() - t0);
  }
  const mutationMs: number[] = [];
  for (let i = 0; i < task.mutations; i++) {
    const t0 = monotonicMs();
    await http.mutation(api.messages.send, { channel: "history", author: "bench", body: `${i}` });
    mutationMs.push(monotonicMs() - t0);
  }
  await client.close();
  return { jobMs, mutationMs };
}

/** Runs one task in a child process and resolves with its result. */
export function runLoad<T>(task: LoadTask): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(import.meta.url), [], {
      execArgv: ["--disable-warning=ExperimentalWarning"],
    });
    child.once("message", (result) => {
      resolve(result as T);
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`load generator exited with ${code}`)));
    child.send(task);
  });
}

if (process.send && process.argv[1] === new URL(import.meta.url).pathname) {
  process.once("message", async (task: LoadTask) => {
    const result =
      task.task === "commits"
        ? await commits(task)
        : task.task === "reactivity"
          ? await reactivity(task)
          : await history(task);
    process.send!(result, () => process.exit(0));
  });
}
