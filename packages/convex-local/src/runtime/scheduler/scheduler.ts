import type { JSONValue } from "convex/values";
import type { DocJson } from "../../storage/index-keys.ts";
import type { JobEntry, ScheduledJobIndex } from "../../storage/scheduled-jobs.ts";
import type { Store } from "../../storage/store.ts";
import type { CodeRegistry } from "../functions/code-registry.ts";
import type { FunctionRunner } from "../functions/function-runner.ts";
import type { FunctionLogs } from "../execution/logs.ts";
import { randomId } from "../../ids/request-id.ts";
import { failedOutcome } from "../errors/errors.ts";
import type { Frame } from "../execution/frame.ts";
import { realNow, realSetTimeout } from "../environment/globals.ts";
import { purgeFinishedJobs } from "./scheduled-job-retention.ts";

type JobState = {
  kind: "pending" | "inProgress" | "success" | "failed" | "canceled";
  error?: string;
};
type Job = DocJson & {
  name: string;
  args: JSONValue[];
  scheduledTime: number;
  state: JobState;
  component?: string;
};
/** A job and the component whose `_scheduled_functions` table holds it. */
type PendingJob = { job: Job; owner: string };

/** Due jobs started per pass; the next pass starts as soon as a commit or this pass ends. */
const DUE_BATCH = 100;
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Runs due `_scheduled_functions` jobs, found through the store's job index (so finished jobs are
 * never read), re-plans whenever a commit touches a job table, and purges jobs past retention.
 */
export class Scheduler {
  private readonly store: Store;
  private readonly runner: FunctionRunner<Frame>;
  private readonly registry: CodeRegistry;
  private readonly logs: FunctionLogs;
  private readonly jobs: ScheduledJobIndex;
  private timer: NodeJS.Timeout | null = null;
  private purgeTimer: NodeJS.Timeout | null = null;
  private readonly running = new Set<string>();
  private stopped = false;

  constructor(deps: {
    store: Store;
    runner: FunctionRunner<Frame>;
    registry: CodeRegistry;
    logs: FunctionLogs;
  }) {
    this.store = deps.store;
    this.runner = deps.runner;
    this.registry = deps.registry;
    this.logs = deps.logs;
    this.jobs = deps.store.scheduledJobs;
    deps.store.onCommit((commit) => {
      for (const n of commit.tables) {
        if (this.jobs.tracks(n)) {
          this.reschedule();
          return;
        }
      }
    });
  }

  /** The job documents of index entries, with the component that owns each. */
  private load(entries: JobEntry[]): PendingJob[] {
    const out: PendingJob[] = [];
    for (const e of entries) {
      if (this.running.has(e.id)) continue;
      const job = this.store.committedDocument(e.id) as Job | null;
      const owner = this.store.catalog.tableByNumber(e.tableNumber)?.component;
      if (job && owner !== undefined) out.push({ job, owner });
    }
    return out;
  }

  /** The soonest pending job not already running (a running mutation's job stays pending until it commits). */
  private nextPending(): JobEntry | undefined {
    return this.jobs.pending(this.running.size + 1).find((e) => !this.running.has(e.id));
  }

  /** Actions that were running when the process died did not finish; like Convex, they are not retried. */
  private recovered = false;

  private async failInterrupted(): Promise<void> {
    for (const { job, owner } of this.load(this.jobs.inProgress())) {
      await this.finish(owner, job, {
        kind: "failed",
        error: "Transient error while executing action: the server stopped while it ran.",
      });
    }
  }

  /** Deletes jobs that finished more than the retention (7 days) before `nowMs`; returns how many. */
  purgeFinished(nowMs = realNow()): Promise<number> {
    return purgeFinishedJobs(
      this.jobs,
      this.store.catalog,
      (component, body) => this.runner.systemMutation(component, (frame) => body(frame.tx!)),
      nowMs,
      () => this.stopped,
    );
  }

  private purgeNowAndLater(): void {
    this.purgeFinished()
      .catch((e: unknown) => {
        if (!this.stopped) console.error("convex-local: could not purge finished jobs:", e);
      })
      .finally(() => {
        if (this.stopped) return;
        this.purgeTimer = realSetTimeout(() => this.purgeNowAndLater(), PURGE_INTERVAL_MS);
        this.purgeTimer.unref();
      });
  }

  reschedule(): void {
    if (this.stopped) return;
    if (!this.recovered) {
      this.recovered = true;
      this.failInterrupted().catch((e: unknown) =>
        console.error("convex-local: could not fail interrupted jobs:", e),
      );
      this.purgeNowAndLater();
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const next = this.nextPending();
    if (!next) return;
    const delay = Math.max(0, Math.min(next.scheduledTime - realNow(), 2 ** 31 - 1));
    this.timer = realSetTimeout(() => {
      this.runDue().catch((e: unknown) => {
        console.error("convex-local: scheduler failed to run due jobs:", e);
        this.reschedule();
      });
    }, delay);
  }

  private async runDue(): Promise<void> {
    this.timer = null;
    const due = this.load(this.jobs.due(realNow(), this.running.size + DUE_BATCH));
    await Promise.all(due.map((p) => this.run(p)));
    this.reschedule();
  }

  private async run({ job, owner }: PendingJob): Promise<void> {
    const component = job.component ?? owner;
    if (!this.registry.modulesFor(component)) return;
    this.running.add(job._id);
    try {
      const resolved = this.registry.lookup(component, job.name, null, true);
      const args = job.args[0] ?? {};
      if (resolved.udfType === "mutation") {
        const startedMs = realNow();
        const logged = (logLines: string[], error?: string) =>
          this.logs.record({
            udfType: "Mutation",
            componentPath: component,
            identifier: resolved.udfPath,
            logLines,
            startedMs,
            error,
            caller: "Scheduler",
          });
        try {
          const completed = await this.runner.runMutationTx(
            component,
            resolved,
            async (frame) => {
              // Running while the function runs, so it sees itself as Convex shows it (and may cancel itself).
              if (!this.claim(frame, owner, job, "inProgress")) return null;
              frame.scheduledJobId = job._id;
              const value = await this.runner.invoke(resolved, frame, args);
              this.succeedUnlessCanceled(frame, owner, job);
              return value;
            },
            null,
            randomId(),
            resolved.udfPath,
          );
          logged(completed.logLines);
        } catch (e) {
          const error = failedOutcome(e, randomId()).errorMessage;
          logged((e as { logLines?: string[] }).logLines ?? [], error);
          await this.finish(owner, job, { kind: "failed", error });
        }
        return;
      }
      const claimed = await this.runner.systemMutation(owner, (frame) =>
        this.claim(frame, owner, job, "inProgress"),
      );
      if (!claimed) return;
      const outcome = await this.runner.call(
        "action",
        {
          udfPath: job.name,
          args,
          identity: null,
          isAdmin: true,
          componentPath: component || undefined,
        },
        "Scheduler",
      );
      await this.finish(
        owner,
        job,
        outcome.status === "success"
          ? { kind: "success" }
          : { kind: "failed", error: outcome.errorMessage },
      );
    } catch (e) {
      await this.finish(owner, job, { kind: "failed", error: String(e) }).catch((inner: unknown) =>
        console.error(`convex-local: could not record the failure of job ${job._id}:`, inner),
      );
    } finally {
      this.running.delete(job._id);
    }
  }

  /** Moves a pending job to running inside the frame's transaction; false if it was canceled. */
  private claim(frame: Frame, owner: string, job: Job, state: "inProgress"): boolean {
    const table = this.store.catalog.table(owner, "_scheduled_functions")!;
    const current = frame.tx!.get(table.number, job._id) as Job | null;
    if (!current || current.state.kind !== "pending") return false;
    frame.tx!.write(table.number, job._id, { ...current, state: { kind: state } });
    return true;
  }

  /** Marks a scheduled mutation's job done in its own transaction, unless it canceled itself. */
  private succeedUnlessCanceled(frame: Frame, owner: string, job: Job): void {
    const table = this.store.catalog.table(owner, "_scheduled_functions")!;
    const current = frame.tx!.get(table.number, job._id) as Job | null;
    if (!current || current.state.kind !== "inProgress") return;
    frame.tx!.write(table.number, job._id, {
      ...current,
      state: { kind: "success" },
      completedTime: realNow(),
    });
  }

  private async finish(owner: string, job: Job, state: JobState): Promise<void> {
    await this.runner.systemMutation(owner, (frame) => {
      const table = this.store.catalog.table(owner, "_scheduled_functions")!;
      const current = frame.tx!.get(table.number, job._id) as Job | null;
      if (!current || current.state.kind === "canceled") return null;
      frame.tx!.write(table.number, job._id, {
        ...current,
        state,
        completedTime: realNow(),
      } as Job);
      return null;
    });
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.purgeTimer) clearTimeout(this.purgeTimer);
  }
}
