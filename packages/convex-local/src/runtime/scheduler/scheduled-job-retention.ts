import type { Catalog } from "../../storage/catalog.ts";
import type { ScheduledJobIndex } from "../../storage/scheduled-jobs.ts";
import type { Transaction } from "../../storage/transaction.ts";

/** Convex keeps a finished job's row, and so its outcome, for 7 days after it completes. */
export const FINISHED_JOB_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** Deletions per transaction, well under the 16,000 documents a transaction may write. */
const PURGE_BATCH = 1000;

const FINISHED = new Set(["success", "failed", "canceled"]);

/** Runs `body` in a transaction of the component that owns the table. */
type ComponentMutation = (component: string, body: (tx: Transaction) => number) => Promise<number>;

/**
 * Deletes the `_scheduled_functions` rows of jobs that finished more than the retention ago, in
 * ordinary transactions (so subscribed queries see them go); returns how many it deleted.
 */
export async function purgeFinishedJobs(
  jobs: ScheduledJobIndex,
  catalog: Catalog,
  mutate: ComponentMutation,
  nowMs: number,
  stopped: () => boolean = () => false,
): Promise<number> {
  let purged = 0;
  while (!stopped()) {
    const expired = jobs.finishedBefore(nowMs - FINISHED_JOB_RETENTION_MS, PURGE_BATCH);
    if (expired.length === 0) break;
    const byTable = new Map<number, string[]>();
    for (const e of expired)
      byTable.set(e.tableNumber, [...(byTable.get(e.tableNumber) ?? []), e.id]);
    let deleted = 0;
    for (const [tableNumber, ids] of byTable) {
      const owner = catalog.tableByNumber(tableNumber)?.component;
      if (owner === undefined) continue;
      deleted += await mutate(owner, (tx) => {
        let n = 0;
        for (const id of ids) {
          const kind = (tx.get(tableNumber, id)?.state as { kind?: string } | undefined)?.kind;
          if (kind && FINISHED.has(kind)) {
            tx.write(tableNumber, id, null);
            n++;
          }
        }
        return n;
      });
    }
    purged += deleted;
    // Rows the index lists but no transaction could delete would otherwise be retried forever.
    if (deleted === 0) break;
  }
  return purged;
}
