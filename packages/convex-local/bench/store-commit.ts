// CPU per one-insert commit at the storage layer, without functions or network: a message with
// two indexes besides by_creation_time, a text index and a sync session's outcome, committed one
// at a time or n at once (one group commit). With --compare <another checkout's src>, that
// checkout's store runs in the same process, rounds alternating: the machine's load falls on
// both alike, so the two figures compare even on a busy machine.
// Usage: node bench/store-commit.ts [--commits 4000] [--concurrency 1,8] [--rounds 3] [--words 1]
//                                   [--compare ../other/packages/convex-local/src]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    commits: { type: "string", default: "4000" },
    concurrency: { type: "string", default: "1,8" },
    rounds: { type: "string", default: "3" },
    words: { type: "string", default: "1" },
    compare: { type: "string" },
  },
});
const commits = Number(values.commits);
const rounds = Number(values.rounds);
/** Words in each message's body, the indexed text: one distinct per commit, then common ones. */
const words = Number(values.words);
const body = (r: number) =>
  [String(r), ...Array.from({ length: words - 1 }, (_, i) => `word${(r + i) % 500}`)].join(" ");
const sources = [{ label: "this", src: join(import.meta.dirname, "..", "src") }];
if (values.compare) sources.unshift({ label: "compared", src: resolve(values.compare) });

type Target = {
  label: string;
  run: (concurrency: number, n: number) => Promise<number>;
  close: () => void;
};

async function target(label: string, src: string, dir: string): Promise<Target> {
  const { openDatabase } = await import(join(src, "storage", "sqlite.ts"));
  const { Store } = await import(join(src, "storage", "store.ts"));
  const { SessionRequests } = await import(join(src, "storage", "session-requests.ts"));
  const { encodeDocumentId, newInternalId } = await import(join(src, "ids", "document-id.ts"));
  const store = new Store(openDatabase(join(dir, label), "normal"));
  const sessions = new SessionRequests(store.db);
  const table = store.catalog.ensureTable("", "messages");
  store.catalog.createIndex(table.number, "by_channel", ["channel"]);
  store.catalog.createIndex(table.number, "by_author", ["author"]);
  store.syncSearchIndexes(table.number, [
    { indexDescriptor: "search_body", searchField: "body", filterFields: ["channel"] },
  ]);
  let request = 0;
  const insert = (client: number): Promise<void> => {
    const tx = store.begin();
    const id = encodeDocumentId(table.number, newInternalId());
    const r = request++;
    const doc = {
      _id: id,
      _creationTime: Date.now(),
      channel: `c-${client}`,
      author: "a",
      body: body(r),
    };
    tx.insert(table.number, id, doc);
    const outcome = JSON.stringify({ value: id, logLines: [] });
    return store.commit(tx, (_db: unknown, ts: bigint) =>
      sessions.add(`session-${client}`, r, outcome, ts),
    ).durable;
  };
  return {
    label,
    run: async (concurrency, n) => {
      const cpu = process.cpuUsage();
      for (let i = 0; i < n / concurrency; i++)
        await Promise.all(Array.from({ length: concurrency }, (_, c) => insert(c)));
      const used = process.cpuUsage(cpu);
      return (used.user + used.system) / n;
    },
    close: () => store.close(),
  };
}

const dir = mkdtempSync(join(tmpdir(), "convex-local-store-commit-"));
try {
  const targets: Target[] = [];
  for (const { label, src } of sources) targets.push(await target(label, src, dir));
  const closeAll = () => targets.forEach((t) => t.close());
  for (const concurrency of values.concurrency.split(",").map(Number)) {
    for (const t of targets) await t.run(concurrency, Math.min(commits, 1000));
    const figures = new Map(targets.map((t) => [t.label, [] as number[]]));
    for (let round = 0; round < rounds; round++)
      for (const t of targets) figures.get(t.label)!.push(await t.run(concurrency, commits));
    for (const [label, us] of figures)
      console.info(
        `${label}, ${concurrency} at once: ${us.map((u) => u.toFixed(0)).join(" / ")} µs CPU per commit`,
      );
  }
  closeAll();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
