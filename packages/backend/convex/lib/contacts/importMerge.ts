import type { ImportMode, ImportRow } from "./importValidators";

/** Later values win; lists are joined. */
function mergeRows(first: ImportRow, later: ImportRow): ImportRow {
  const join = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  return {
    ...first,
    name: later.name ?? first.name,
    company: later.company ?? first.company,
    stage: later.stage ?? first.stage,
    emails: join(first.emails, later.emails),
    phones: join(first.phones, later.phones),
    tags: join(first.tags, later.tags),
    customFields: { ...first.customFields, ...later.customFields },
  };
}

/**
 * Rows of the file that share an email or a phone (directly or through another row) are one
 * contact: merged into the first in "update" mode, or the first kept alone in "skip" mode.
 */
export function dedupeRows(
  rows: ImportRow[],
  mode: ImportMode,
): { rows: ImportRow[]; duplicates: number } {
  const parent = rows.map((_, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  const owner = new Map<string, number>();
  rows.forEach((row, index) => {
    for (const key of [...row.emails.map((e) => `e:${e}`), ...row.phones.map((p) => `p:${p}`)]) {
      const seen = owner.get(key);
      if (seen === undefined) owner.set(key, index);
      else {
        const [a, b] = [root(seen), root(index)];
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  const groups = new Map<number, ImportRow>();
  rows.forEach((row, index) => {
    const group = root(index);
    const kept = groups.get(group);
    if (!kept) groups.set(group, row);
    else if (mode === "update") groups.set(group, mergeRows(kept, row));
  });
  const merged = [...groups.values()];
  return { rows: merged, duplicates: rows.length - merged.length };
}
