import { type JSONValue } from "convex/values";
import { type DocJson } from "../storage/index-keys.ts";
import { type Backend, randomId } from "./backend.ts";
import { failedOutcome } from "./errors.ts";
import { type Frame } from "./frame.ts";
import { realNow, realSetTimeout } from "./globals.ts";

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

/** Runs due `_scheduled_functions` jobs; re-plans whenever a commit touches that table. */
export class Scheduler {
  private readonly backend: Backend;
  private timer: NodeJS.Timeout | null = null;
  private readonly running = new Set<string>();
  private stopped = false;

  constructor(backend: Backend) {
    this.backend = backend;
    backend.store.onCommit((commit) => {
      for (const n of commit.tables) {
        if (backend.store.catalog.tableByNumber(n)?.name === "_scheduled_functions") {
          this.reschedule();
          return;
        }
      }
    });
  }

  private pendingJobs(): PendingJob[] {
    const numbers = this.jobTables();
    if (numbers.length === 0) return [];
    const rows = this.backend.store.db
      .prepare(
        `SELECT table_number, json FROM documents WHERE table_number IN (${numbers.map(() => "?").join(",")})`,
      )
      .all(...numbers);
    return rows
      .map((r) => ({
        job: JSON.parse(String(r.json)) as Job,
        owner: this.backend.store.catalog.tableByNumber(Number(r.table_number))!.component,
      }))
      .filter(({ job }) => job.state.kind === "pending" && !this.running.has(job._id))
      .sort((a, b) => a.job.scheduledTime - b.job.scheduledTime);
  }

  private jobTables(): number[] {
    const out: number[] = [];
    for (const row of this.backend.store.db
      .prepare("SELECT number FROM tables WHERE name = '_scheduled_functions'")
      .all()) {
      out.push(Number(row.number));
    }
    return out;
  }

  /** Actions that were running when the process died did not finish; like Convex, they are not retried. */
  private recovered = false;

  private async failInterrupted(): Promise<void> {
    const numbers = this.jobTables();
    if (numbers.length === 0) return;
    const rows = this.backend.store.db
      .prepare(
        `SELECT table_number, json FROM documents WHERE table_number IN (${numbers.map(() => "?").join(",")})`,
      )
      .all(...numbers);
    for (const row of rows) {
      const job = JSON.parse(String(row.json)) as Job;
      if (job.state.kind !== "inProgress" || this.running.has(job._id)) continue;
      const owner = this.backend.store.catalog.tableByNumber(Number(row.table_number))!.component;
      await this.finish(owner, job, {
        kind: "failed",
        error: "Transient error while executing action: the server stopped while it ran.",
      });
    }
  }

  reschedule(): void {
    if (this.stopped) return;
    if (!this.recovered) {
      this.recovered = true;
      this.failInterrupted().catch((e: unknown) =>
        console.error("convex-local: could not fail interrupted jobs:", e),
      );
    }
    if (this.timer) clearTimeout(this.timer);
    const next = this.pendingJobs()[0];
    if (!next) return;
    const delay = Math.max(0, Math.min(next.job.scheduledTime - realNow(), 2 ** 31 - 1));
    this.timer = realSetTimeout(() => {
      this.runDue().catch((e: unknown) => {
        console.error("convex-local: scheduler failed to run due jobs:", e);
        this.reschedule();
      });
    }, delay);
  }

  private async runDue(): Promise<void> {
    this.timer = null;
    const now = realNow();
    const due = this.pendingJobs().filter((p) => p.job.scheduledTime <= now);
    await Promise.all(due.map((p) => this.run(p)));
    this.reschedule();
  }

  private async run({ job, owner }: PendingJob): Promise<void> {
    const component = job.component ?? owner;
    if (!this.backend.modulesFor(component)) return;
    this.running.add(job._id);
    try {
      const resolved = this.backend.lookup(component, job.name, null, true);
      const args = job.args[0] ?? {};
      if (resolved.udfType === "mutation") {
        const startedMs = realNow();
        const logged = (logLines: string[], error?: string) =>
          this.backend.logs.record({
            udfType: "Mutation",
            componentPath: component,
            identifier: resolved.udfPath,
            logLines,
            startedMs,
            error,
            caller: "Scheduler",
          });
        try {
          const completed = await this.backend.runMutationTx(
            component,
            resolved,
            async (frame) => {
              if (!this.claim(frame, owner, job, "success")) return null;
              frame.scheduledJobId = job._id;
              return this.backend.invoke(resolved, frame, args);
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
      const claimed = await this.backend.systemMutation(owner, (frame) =>
        this.claim(frame, owner, job, "inProgress"),
      );
      if (!claimed) return;
      const outcome = await this.backend.call(
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

  /** Moves a pending job to `state` inside the frame's transaction; false if it was canceled. */
  private claim(frame: Frame, owner: string, job: Job, state: JobState["kind"]): boolean {
    const table = this.backend.store.catalog.table(owner, "_scheduled_functions")!;
    const current = frame.tx!.get(table.number, job._id) as Job | null;
    if (!current || current.state.kind !== "pending") return false;
    const update: Job = { ...current, state: { kind: state } };
    if (state === "success") update.completedTime = realNow();
    frame.tx!.write(table.number, job._id, update);
    return true;
  }

  private async finish(owner: string, job: Job, state: JobState): Promise<void> {
    await this.backend.systemMutation(owner, (frame) => {
      const table = this.backend.store.catalog.table(owner, "_scheduled_functions")!;
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
  }
}
