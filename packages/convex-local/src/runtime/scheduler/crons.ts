import { nextRunTime } from "../../cron/schedule.ts";
import type { CronSpec } from "../functions/function-types.ts";
import type { Store } from "../../storage/store.ts";
import type { FunctionRunner } from "../functions/function-runner.ts";
import { readMeta, writeMeta } from "../../storage/meta.ts";
import { realNow, realSetTimeout } from "../environment/globals.ts";

type CronState = CronSpec & { nextRun: number };

/** Runs `crons.js` jobs; next run times live in SQLite so a restart neither skips nor repeats one. */
export class Crons {
  private readonly store: Store;
  private readonly runner: Pick<FunctionRunner<unknown>, "call">;
  private jobs = new Map<string, CronState>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(store: Store, runner: Pick<FunctionRunner<unknown>, "call">) {
    this.store = store;
    this.runner = runner;
    const stored = readMeta(store.db, "crons");
    if (stored)
      this.jobs = new Map(Object.entries(JSON.parse(stored) as Record<string, CronState>));
  }

  /** Adopts the deployed specs, keeping the schedule of jobs whose spec did not change. */
  setSpecs(specs: Record<string, CronSpec>): void {
    const now = realNow();
    const next = new Map<string, CronState>();
    for (const [identifier, spec] of Object.entries(specs)) {
      const existing = this.jobs.get(identifier);
      const same =
        existing &&
        JSON.stringify([existing.name, existing.args, existing.schedule]) ===
          JSON.stringify([spec.name, spec.args, spec.schedule]);
      next.set(identifier, same ? existing : { ...spec, nextRun: nextRunTime(spec.schedule, now) });
    }
    this.jobs = next;
    this.persist();
    this.plan();
  }

  private persist(): void {
    writeMeta(this.store.db, "crons", JSON.stringify(Object.fromEntries(this.jobs)));
  }

  private plan(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.stopped || this.jobs.size === 0) return;
    const soonest = Math.min(...[...this.jobs.values()].map((j) => j.nextRun));
    this.timer = realSetTimeout(
      () => {
        this.runDue().catch((e: unknown) => console.error("convex-local: cron run failed:", e));
      },
      Math.max(0, Math.min(soonest - realNow(), 2 ** 31 - 1)),
    );
  }

  private async runDue(): Promise<void> {
    const now = realNow();
    const due = [...this.jobs.values()].filter((j) => j.nextRun <= now);
    for (const job of due) job.nextRun = nextRunTime(job.schedule, Math.max(now, job.nextRun));
    this.persist();
    this.plan();
    await Promise.all(
      due.map(async (job) => {
        const outcome = await this.runner.call(
          null,
          {
            udfPath: job.name,
            args: job.args[0] ?? {},
            identity: null,
            isAdmin: true,
          },
          "Cron",
        );
        if (outcome.status === "error")
          console.error(`convex-local: cron ${job.name} failed: ${outcome.errorMessage}`);
      }),
    );
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
