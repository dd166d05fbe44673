// The SQLite schema, one step per version. PRAGMA user_version counts the steps applied, so
// a file from an older server is brought up to date and one from a newer server is refused
// rather than misread.
import type Database from "better-sqlite3";

/** Applied in order, each in its own transaction; the count applied is PRAGMA user_version.
 *  Append only: a step that has shipped is never edited, or existing files would disagree. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL CHECK (kind IN ('room', 'workshop')),
     host_hash TEXT NOT NULL,
     code TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX sessions_by_host ON sessions (host_hash, created_at);
   CREATE TABLE rounds (
     session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
     round INTEGER NOT NULL,
     code TEXT NOT NULL,
     scenario_id TEXT NOT NULL,
     customisation TEXT NOT NULL,
     scenario TEXT NOT NULL,
     seed INTEGER NOT NULL,
     seats INTEGER NOT NULL,
     board TEXT NOT NULL,
     ended TEXT NOT NULL,
     ticks INTEGER NOT NULL,
     seconds INTEGER NOT NULL,
     hash TEXT NOT NULL,
     started_at INTEGER NOT NULL,
     ended_at INTEGER NOT NULL,
     value INTEGER NOT NULL,
     praise INTEGER NOT NULL,
     collapsed INTEGER NOT NULL,
     PRIMARY KEY (session_id, round)
   );
   CREATE TABLE round_players (
     session_id TEXT NOT NULL,
     round INTEGER NOT NULL,
     seat INTEGER NOT NULL,
     name TEXT NOT NULL,
     bot TEXT,
     praise INTEGER NOT NULL,
     direct INTEGER NOT NULL,
     indirect INTEGER NOT NULL,
     net INTEGER NOT NULL,
     saves INTEGER NOT NULL,
     heat_removed INTEGER NOT NULL,
     guard_built INTEGER NOT NULL,
     risk_cleared INTEGER NOT NULL,
     fires_caused INTEGER NOT NULL,
     effort TEXT NOT NULL,
     PRIMARY KEY (session_id, round, seat),
     FOREIGN KEY (session_id, round) REFERENCES rounds (session_id, round) ON DELETE CASCADE
   );
   CREATE TABLE round_data (
     session_id TEXT NOT NULL,
     round INTEGER NOT NULL,
     log TEXT NOT NULL,
     timeline TEXT NOT NULL,
     PRIMARY KEY (session_id, round),
     FOREIGN KEY (session_id, round) REFERENCES rounds (session_id, round) ON DELETE CASCADE
   );`,
  // 2: team workshops. A team's session names its workshop session and the team; both stay
  // NULL for a plain session (and for every session a version-1 file holds).
  `ALTER TABLE sessions ADD COLUMN parent_id TEXT REFERENCES sessions (id);
   ALTER TABLE sessions ADD COLUMN team TEXT;
   CREATE INDEX sessions_by_parent ON sessions (parent_id);`,
];

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
