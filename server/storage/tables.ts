// The stored tables, written once. Both stores' schema steps (SQLite's migrations.ts, PostgreSQL's
// PG_MIGRATIONS) and their INSERT column lists are generated from this list, so a column added
// here reaches both databases, in the same step, with types translated in one place.
//
// Append only, as the steps are: a column or index that has shipped keeps its `since`, its type and
// its place; a new one gets the next step number. tests/server/schema.test.ts holds the shipped
// schema of each step, so an edit that would change what an existing database has fails there.

/** What a column holds. SQLite stores integers and booleans as INTEGER, JSON as TEXT. */
export type ColumnKind = "text" | "int" | "bigint" | "bool" | "json";

export interface Column {
  name: string;
  kind: ColumnKind;
  /** NULL allowed (a column added by a later step must allow it: older rows have none). */
  nullable?: true;
  /** Raw SQL after the type: a CHECK or a single-column PRIMARY KEY or REFERENCES. */
  extra?: string;
  /** The schema step that added it; 1 unless given. */
  since?: number;
}

export interface Index {
  name: string;
  on: string;
  since: number;
}

export interface Table {
  name: string;
  columns: readonly Column[];
  /** Table constraints after the columns (composite keys, foreign keys). */
  constraints?: readonly string[];
  indexes?: readonly Index[];
}

export type Dialect = "sqlite" | "postgres";

export const TABLES = [
  {
    name: "sessions",
    columns: [
      // As shipped, PRIMARY KEY alone: PostgreSQL makes it NOT NULL, SQLite (for historical
      // reasons) would take a NULL, though no code writes one.
      { name: "id", kind: "text", nullable: true, extra: "PRIMARY KEY" },
      { name: "kind", kind: "text", extra: "CHECK (kind IN ('room', 'workshop'))" },
      { name: "host_hash", kind: "text" },
      { name: "code", kind: "text" },
      { name: "created_at", kind: "bigint" },
      // Team workshops: a team's session names its workshop session and the team; both stay NULL
      // for a plain session (and for every session an older database holds).
      { name: "parent_id", kind: "text", nullable: true, extra: "REFERENCES sessions (id)", since: 2 },
      { name: "team", kind: "text", nullable: true, since: 2 },
    ],
    indexes: [
      { name: "sessions_by_host", on: "(host_hash, created_at)", since: 1 },
      { name: "sessions_by_parent", on: "(parent_id)", since: 2 },
    ],
  },
  {
    name: "rounds",
    columns: [
      { name: "session_id", kind: "text", extra: "REFERENCES sessions (id) ON DELETE CASCADE" },
      { name: "round", kind: "int" },
      { name: "code", kind: "text" },
      { name: "scenario_id", kind: "text" },
      { name: "customisation", kind: "json" },
      { name: "scenario", kind: "json" },
      { name: "seed", kind: "bigint" },
      { name: "seats", kind: "int" },
      { name: "board", kind: "text" },
      { name: "ended", kind: "text" },
      { name: "ticks", kind: "int" },
      { name: "seconds", kind: "int" },
      { name: "hash", kind: "text" },
      { name: "started_at", kind: "bigint" },
      { name: "ended_at", kind: "bigint" },
      { name: "value", kind: "bigint" },
      { name: "praise", kind: "bigint" },
      { name: "collapsed", kind: "bool" },
    ],
    constraints: ["PRIMARY KEY (session_id, round)"],
  },
  {
    name: "round_players",
    columns: [
      { name: "session_id", kind: "text" },
      { name: "round", kind: "int" },
      { name: "seat", kind: "int" },
      { name: "name", kind: "text" },
      { name: "bot", kind: "text", nullable: true },
      { name: "praise", kind: "bigint" },
      { name: "direct", kind: "bigint" },
      { name: "indirect", kind: "bigint" },
      { name: "net", kind: "bigint" },
      { name: "saves", kind: "bigint" },
      { name: "heat_removed", kind: "bigint" },
      { name: "guard_built", kind: "bigint" },
      { name: "risk_cleared", kind: "bigint" },
      { name: "fires_caused", kind: "bigint" },
      { name: "effort", kind: "json" },
    ],
    constraints: ["PRIMARY KEY (session_id, round, seat)", "FOREIGN KEY (session_id, round) REFERENCES rounds (session_id, round) ON DELETE CASCADE"],
  },
  {
    name: "round_data",
    columns: [
      { name: "session_id", kind: "text" },
      { name: "round", kind: "int" },
      { name: "log", kind: "json" },
      { name: "timeline", kind: "json" },
    ],
    constraints: ["PRIMARY KEY (session_id, round)", "FOREIGN KEY (session_id, round) REFERENCES rounds (session_id, round) ON DELETE CASCADE"],
  },
  // 3: rounds in progress, so a restarted server brings them back. One head per room's session,
  // replaced at each write; its input log in append-only chunks (seq = the first entry's index).
  {
    name: "checkpoints",
    columns: [
      { name: "session_id", kind: "text", extra: "PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE", since: 3 },
      { name: "code", kind: "text", since: 3 },
      { name: "round", kind: "int", since: 3 },
      { name: "format", kind: "int", since: 3 },
      { name: "saved_at", kind: "bigint", since: 3 },
      { name: "tick", kind: "int", since: 3 },
      { name: "hash", kind: "text", since: 3 },
      { name: "room", kind: "json", since: 3 },
      { name: "snapshot", kind: "json", nullable: true, since: 3 },
      { name: "log_length", kind: "int", since: 3 },
    ],
  },
  {
    name: "checkpoint_log",
    columns: [
      { name: "session_id", kind: "text", extra: "REFERENCES checkpoints (session_id) ON DELETE CASCADE", since: 3 },
      { name: "seq", kind: "int", since: 3 },
      { name: "entries", kind: "json", since: 3 },
    ],
    constraints: ["PRIMARY KEY (session_id, seq)"],
  },
] as const satisfies readonly Table[];

export type TableName = (typeof TABLES)[number]["name"];

/** The column names of `table`, in their order, with the types each store reads them as. */
export type ColumnsOf<T extends TableName> = Extract<(typeof TABLES)[number], { name: T }>["columns"][number]["name"];

const TYPES: Record<Dialect, Record<ColumnKind, string>> = {
  sqlite: { text: "TEXT", int: "INTEGER", bigint: "INTEGER", bool: "INTEGER", json: "TEXT" },
  // bigint for times in ms, seeds up to 2^32 and figures; json keeps the text as written (key
  // order included), so stored rounds and exports read the same from both stores.
  postgres: { text: "text", int: "integer", bigint: "bigint", bool: "boolean", json: "json" },
};

const sinceOf = (x: { since?: number }) => x.since ?? 1;

function columnSql(c: Column, dialect: Dialect): string {
  return [c.name, TYPES[dialect][c.kind], c.nullable ? "" : "NOT NULL", c.extra ?? ""].filter(Boolean).join(" ");
}

function createTable(t: Table, step: number, dialect: Dialect): string {
  const lines = t.columns.filter((c) => sinceOf(c) <= step).map((c) => columnSql(c, dialect));
  // SQLite's hidden rowid breaks ties in listings; PostgreSQL has none, so it is a column there.
  if (dialect === "postgres" && t.name === "sessions") lines.push("rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE");
  lines.push(...(t.constraints ?? []));
  return `CREATE TABLE ${t.name} (\n  ${lines.join(",\n  ")}\n);`;
}

/** The SQL of schema step `step` (1-based): tables it creates, columns it adds, indexes it makes. */
export function schemaStep(step: number, dialect: Dialect, tables: readonly Table[] = TABLES): string {
  const sql: string[] = [];
  for (const t of tables) {
    // A table is created by the step of its first column, with every column of that step.
    const created = Math.min(...t.columns.map(sinceOf));
    if (created === step) sql.push(createTable(t, step, dialect));
    else if (created < step) for (const c of t.columns) if (sinceOf(c) === step) sql.push(`ALTER TABLE ${t.name} ADD COLUMN ${columnSql(c, dialect)};`);
    for (const i of t.indexes ?? []) if (i.since === step) sql.push(`CREATE INDEX ${i.name} ON ${t.name} ${i.on};`);
  }
  return sql.join("\n");
}

/** Every step, in order: what a fresh database runs, and what an older one runs from its version. */
export function schemaSteps(dialect: Dialect, tables: readonly Table[] = TABLES): string[] {
  const last = Math.max(...tables.flatMap((t) => [...t.columns.map(sinceOf), ...(t.indexes ?? []).map(sinceOf)]));
  return Array.from({ length: last }, (_, i) => schemaStep(i + 1, dialect, tables));
}

/** The columns of `table`, in order, for INSERTs and typed reads. */
export function columnsOf<T extends TableName>(table: T): ColumnsOf<T>[] {
  const t = TABLES.find((x) => x.name === table)!;
  return t.columns.map((c) => c.name as ColumnsOf<T>);
}

/** `name type, …` of `table`'s columns as PostgreSQL types, leaving out `skip` (for json_to_recordset). */
export function postgresRecordType(table: TableName, skip: readonly string[]): string {
  const t = TABLES.find((x) => x.name === table)!;
  return (t.columns as readonly Column[])
    .filter((c) => !skip.includes(c.name))
    .map((c) => `${c.name} ${TYPES.postgres[c.kind]}`)
    .join(", ");
}
