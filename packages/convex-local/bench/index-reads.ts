// CPU per index read at the storage layer, without functions or network: `.first()` (one document),
// `.take(10)` and a 500-document `.collect()` over an index of a table with 5,000 documents.
// Usage: node bench/index-reads.ts [--reads 20000]
import { parseArgs } from "node:util";
import { keyRangeFor, type DocJson } from "../src/storage/index-keys.ts";
import { openDatabase } from "../src/storage/sqlite.ts";
import { Store } from "../src/storage/store.ts";

const { values } = parseArgs({ options: { reads: { type: "string", default: "20000" } } });
const reads = Number(values.reads);

const store = new Store(openDatabase(":memory:"));
const table = store.catalog.ensureTable("", "messages");
const byChannel = store.catalog.createIndex(table.number, "by_channel", ["channel"]);
const fill = store.begin();
for (let i = 0; i < 5000; i++) {
  const id = `m${String(i).padStart(5, "0")}`;
  fill.write(table.number, id, { _id: id, _creationTime: i, channel: `c${i % 10}`, body: `${i}` });
}
store.commit(fill);

function read(channel: string, limit: number): number {
  const tx = store.begin();
  const range = keyRangeFor(byChannel, [{ type: "Eq", fieldPath: "channel", value: channel }]);
  const stream = tx.openStream(byChannel, range, "asc");
  let n = 0;
  for (
    let d: DocJson | null = tx.next(stream);
    d && n < limit;
    d = ++n < limit ? tx.next(stream) : null
  );
  tx.closeStream(stream);
  store.release(tx);
  return n;
}

for (const [name, limit, count] of [
  ["first", 1, reads],
  ["take 10", 10, reads],
  ["collect 500", 500, Math.max(1, Math.floor(reads / 50))],
] as const) {
  for (let i = 0; i < 200; i++) read(`c${i % 10}`, limit); // warm-up
  const start = process.cpuUsage();
  for (let i = 0; i < count; i++) read(`c${i % 10}`, limit);
  const used = process.cpuUsage(start);
  const micros = (used.user + used.system) / count;
  process.stdout.write(
    `${name.padEnd(12)} ${micros.toFixed(1)} µs CPU per read (${count} reads)\n`,
  );
}
