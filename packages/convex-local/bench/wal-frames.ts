// WAL frames (pages) one commit writes, by B-tree: which tables and indexes a one-insert mutation
// (messages:send, sent as the sync protocol sends it) and a one-patch mutation (messages:edit) touch.
// With --concurrency n, n clients' mutations run at once and share a group commit: frames per commit
// are the batch's divided by n.
// Usage: node bench/wal-frames.ts [--mutations 200] [--concurrency 1]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { DatabaseSync } from "node:sqlite";
import { Backend } from "../src/runtime/backend.ts";

const { values } = parseArgs({
  options: {
    mutations: { type: "string", default: "200" },
    concurrency: { type: "string", default: "1" },
  },
});
const total = Number(values.mutations);
const concurrency = Number(values.concurrency);

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** The page numbers of the WAL's valid frames (those carrying the header's salts). */
function walPages(walPath: string): number[] {
  const wal = readFileSync(walPath);
  if (wal.length < WAL_HEADER) return [];
  const pageSize = wal.readUInt32BE(8);
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  const pages: number[] = [];
  for (let at = WAL_HEADER; at + FRAME_HEADER + pageSize <= wal.length; ) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    pages.push(wal.readUInt32BE(at));
    at += FRAME_HEADER + pageSize;
  }
  return pages;
}

function pageOwners(db: DatabaseSync): Map<number, string> {
  const owners = new Map<number, string>();
  for (const row of db.prepare("SELECT name, pageno FROM dbstat").all())
    owners.set(Number(row.pageno), String(row.name));
  return owners;
}

/**
 * Checkpoints the whole WAL and truncates it, retrying while the store's checkpoint thread holds
 * the lock: a WAL left in place would count the earlier commits' frames again.
 */
function emptyWal(db: DatabaseSync, walPath: string): void {
  for (;;) {
    const row = db.prepare("PRAGMA wal_checkpoint(TRUNCATE)").get()!;
    if (Number(row.busy) === 0 && walPages(walPath).length === 0) return;
  }
}

const dir = mkdtempSync(join(tmpdir(), "convex-local-wal-frames-"));
try {
  const backend = new Backend({ dataDir: join(dir, "data"), syncMode: "normal" });
  await backend.deploy(join(import.meta.dirname, "..", "test", "fixtures", "basic", "convex"));
  const db = backend.store.db;
  const walPath = `${db.location()}-wal`;
  let request = 0;
  const call = async (udfPath: string, args: Record<string, string>, client = 0) => {
    const outcome = await backend.call("mutation", {
      udfPath,
      args,
      identity: null,
      isAdmin: false,
      mutationKey: { sessionId: `wal-frames-${client}`, requestId: request++, mayBeResent: false },
    });
    if (outcome.status !== "success") throw new Error(outcome.errorMessage);
    return outcome.value;
  };
  // A populated table first, so B-trees have interior pages as they do in use.
  for (let i = 0; i < 2000; i++)
    await call("messages:send", { channel: `c-${i % 8}`, author: "a", body: `${i}` });
  const edited: string[] = [];
  for (let c = 0; c < concurrency; c++)
    edited.push((await call("messages:send", { channel: "e", author: "a", body: "x" })) as string);
  for (const kind of ["insert", "patch"] as const) {
    const byTree = new Map<string, number>();
    let frames = 0;
    for (let i = 0; i < total; i++) {
      backend.store.flush();
      emptyWal(db, walPath);
      await Promise.all(
        Array.from({ length: concurrency }, (_, c) =>
          kind === "insert"
            ? call("messages:send", { channel: `c-${(i + c) % 8}`, author: "a", body: `${i}` }, c)
            : call("messages:edit", { id: edited[c]!, body: `${i}` }, c),
        ),
      );
      backend.store.flush();
      const owners = pageOwners(db);
      for (const page of walPages(walPath)) {
        const tree = owners.get(page) ?? (page === 1 ? "sqlite_schema" : "(free or other)");
        byTree.set(tree, (byTree.get(tree) ?? 0) + 1);
        frames++;
      }
    }
    const commits = total * concurrency;
    console.info(
      `${kind}, ${concurrency} at once: ${(frames / commits).toFixed(2)} WAL frames per commit`,
    );
    for (const [tree, n] of [...byTree].sort((a, b) => b[1] - a[1]))
      console.info(`  ${tree.padEnd(34)} ${(n / commits).toFixed(2)}`);
  }
  backend.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
