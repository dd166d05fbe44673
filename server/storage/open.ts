// Chooses the store from DATA_DIR: a SQLite file in that folder (./data by default, relative
// to where the server was started), or memory for DATA_DIR=:memory: (nothing survives a restart).
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { MemorySessionStore } from "./memory.js";
import { SqliteSessionStore } from "./sqlite.js";
import type { SessionStore } from "./store.js";

export const DB_FILE = "smolder.db";

export function openStore(dataDir: string | undefined): SessionStore {
  if (dataDir === ":memory:") return new MemorySessionStore();
  const dir = resolve(dataDir?.trim() || "data");
  mkdirSync(dir, { recursive: true });
  return new SqliteSessionStore(join(dir, DB_FILE));
}
