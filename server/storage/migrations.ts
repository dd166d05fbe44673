// The SQLite schema, one step per version. PRAGMA user_version counts the steps applied, so
// a file from an older server is brought up to date and one from a newer server is refused
// rather than misread.
import type Database from "better-sqlite3";
import { schemaSteps } from "./tables.js";

/** Applied in order, each in its own transaction; the count applied is PRAGMA user_version.
 *  Generated from tables.ts, which is append only, as the steps are. */
export const MIGRATIONS: readonly string[] = schemaSteps("sqlite");

/** Brings a database up to `steps`; refuses one written by a newer server. */
export function migrate(db: Database.Database, name: string, steps: readonly string[] = MIGRATIONS): void {
  const versionNow = () => db.pragma("user_version", { simple: true }) as number;
  const version = versionNow();
  if (version > steps.length)
    throw new Error(
      `${name}: the database is at schema version ${version}, newer than this server knows (${steps.length}); run a newer Smolder or point DATA_DIR elsewhere`,
    );
  // Each step takes the write lock first (IMMEDIATE) and reads the version again under it: several
  // server processes started at once on one DATA_DIR apply each step exactly once between them.
  // A step that fails leaves the file as it was before that step, version included.
  const applyNext = db.transaction((): boolean => {
    const v = versionNow();
    if (v >= steps.length) return false;
    db.exec(steps[v]!);
    db.pragma(`user_version = ${v + 1}`);
    return true;
  });
  while (versionNow() < steps.length && applyNext.immediate());
}
