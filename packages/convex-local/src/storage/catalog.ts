import type { DatabaseSync } from "node:sqlite";

export type TableInfo = { number: number; component: string; name: string };
export type IndexInfo = { id: number; tableNumber: number; name: string; fields: string[] };

const SYSTEM_INDEXES: Array<[string, string[]]> = [
  ["by_id", ["_id"]],
  ["by_creation_time", ["_creationTime"]],
];

/** Tables and indexes of every component, mirrored in memory from SQLite. */
export class Catalog {
  private readonly tablesByKey = new Map<string, TableInfo>();
  private readonly tablesByNumber = new Map<number, TableInfo>();
  private readonly indexesByTable = new Map<number, IndexInfo[]>();
  private readonly db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.db = db;
    this.load();
  }

  /** Reads the catalog again from SQLite, after a rollback undid what the maps still hold. */
  reload(): void {
    this.tablesByKey.clear();
    this.tablesByNumber.clear();
    this.indexesByTable.clear();
    this.load();
  }

  private load(): void {
    const db = this.db;
    for (const row of db.prepare("SELECT number, component, name FROM tables").all()) {
      const t = {
        number: Number(row.number),
        component: String(row.component),
        name: String(row.name),
      };
      this.tablesByKey.set(tableKey(t.component, t.name), t);
      this.tablesByNumber.set(t.number, t);
    }
    for (const row of db.prepare("SELECT id, table_number, name, fields FROM indexes").all()) {
      this.addIndexInMemory({
        id: Number(row.id),
        tableNumber: Number(row.table_number),
        name: String(row.name),
        fields: JSON.parse(String(row.fields)) as string[],
      });
    }
  }

  table(component: string, name: string): TableInfo | undefined {
    return this.tablesByKey.get(tableKey(component, name));
  }

  tableByNumber(number: number): TableInfo | undefined {
    return this.tablesByNumber.get(number);
  }

  tables(component: string): TableInfo[] {
    return [...this.tablesByNumber.values()].filter((t) => t.component === component);
  }

  indexes(tableNumber: number): IndexInfo[] {
    return this.indexesByTable.get(tableNumber) ?? [];
  }

  index(tableNumber: number, name: string): IndexInfo | undefined {
    return this.indexes(tableNumber).find((i) => i.name === name);
  }

  /** Returns the table, creating it with its system indexes on first use (as `number` if given and free). */
  ensureTable(component: string, name: string, number?: number): TableInfo {
    const existing = this.table(component, name);
    if (existing) return existing;
    const row = this.db.prepare("SELECT COALESCE(MAX(number), 10000) + 1 AS n FROM tables").get();
    const free = number !== undefined && !this.tablesByNumber.has(number);
    const t = { number: free ? number : Number(row!.n), component, name };
    this.db
      .prepare("INSERT INTO tables (number, component, name) VALUES (?, ?, ?)")
      .run(t.number, component, name);
    this.tablesByKey.set(tableKey(component, name), t);
    this.tablesByNumber.set(t.number, t);
    for (const [indexName, fields] of SYSTEM_INDEXES) this.createIndex(t.number, indexName, fields);
    return t;
  }

  /** Gives an empty table another number (a snapshot import keeping its document ids). */
  renumberTable(table: TableInfo, number: number): void {
    if (this.tablesByNumber.has(number)) throw new Error(`Table number ${number} is in use.`);
    this.db.prepare("UPDATE tables SET number = ? WHERE number = ?").run(number, table.number);
    this.db
      .prepare("UPDATE indexes SET table_number = ? WHERE table_number = ?")
      .run(number, table.number);
    const indexes = (this.indexesByTable.get(table.number) ?? []).map((i) => ({
      ...i,
      tableNumber: number,
    }));
    this.indexesByTable.delete(table.number);
    this.indexesByTable.set(number, indexes);
    this.tablesByNumber.delete(table.number);
    const renumbered = { ...table, number };
    this.tablesByNumber.set(number, renumbered);
    this.tablesByKey.set(tableKey(table.component, table.name), renumbered);
  }

  createIndex(tableNumber: number, name: string, fields: string[]): IndexInfo {
    const result = this.db
      .prepare("INSERT INTO indexes (table_number, name, fields) VALUES (?, ?, ?)")
      .run(tableNumber, name, JSON.stringify(fields));
    const info = { id: Number(result.lastInsertRowid), tableNumber, name, fields };
    this.addIndexInMemory(info);
    return info;
  }

  dropIndex(index: IndexInfo): void {
    this.db.prepare("DELETE FROM index_entries WHERE index_id = ?").run(index.id);
    this.db.prepare("DELETE FROM indexes WHERE id = ?").run(index.id);
    const list = this.indexesByTable.get(index.tableNumber) ?? [];
    this.indexesByTable.set(
      index.tableNumber,
      list.filter((i) => i.id !== index.id),
    );
  }

  private addIndexInMemory(info: IndexInfo): void {
    const list = this.indexesByTable.get(info.tableNumber) ?? [];
    list.push(info);
    this.indexesByTable.set(info.tableNumber, list);
  }
}

function tableKey(component: string, name: string): string {
  return `${component}\u0000${name}`;
}
