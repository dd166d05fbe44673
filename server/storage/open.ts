// Chooses the store. DATABASE_URL (postgres:// or postgresql://) wins: PostgreSQL, shared by
// every process that names the same database, and DATA_DIR is not used. Otherwise DATA_DIR: a
// SQLite file in that folder (./data by default, relative to where the server was started), or
// memory for DATA_DIR=:memory: (nothing survives a restart). An empty DATABASE_URL counts as unset.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { MemorySessionStore } from "./memory.js";
import { PostgresSessionStore } from "./postgres.js";
import { SqliteSessionStore } from "./sqlite.js";
import type { SessionStore } from "./store.js";

export const DB_FILE = "smolder.db";

export async function openStore(dataDir: string | undefined, databaseUrl?: string): Promise<SessionStore> {
  const url = databaseUrl?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//i.test(url)) throw new Error("DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:5432/database");
    return PostgresSessionStore.open(url);
  }
  if (dataDir === ":memory:") return new MemorySessionStore();
  const dir = resolve(dataDir?.trim() || "data");
  checkWritable(dir);
  return new SqliteSessionStore(join(dir, DB_FILE));
}

const READ_ONLY = new Set(["EROFS", "EACCES", "EPERM"]);

/**
 * A folder that cannot be written would otherwise be found out only when the first round is
 * saved (and lost): the start stops here instead, naming the folder and what to do about it.
 */
export function checkWritable(dir: string): void {
  const fix = "choose a writable folder (or DATA_DIR=:memory: to keep nothing)";
  const probe = join(dir, `.smolder-write-check-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, "");
    rmSync(probe, { force: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "";
    if (READ_ONLY.has(code)) throw new Error(`DATA_DIR=${dir} is read-only: ${fix}`);
    throw new Error(`DATA_DIR=${dir} cannot be used as a folder (${code || (err as Error).message}): ${fix}`);
  }
}
