// The schema each step leaves behind, in both stores, against the schema that shipped: the
// snapshots beside this file of steps 1 and 2 were taken from the hand-written steps before they were generated
// from server/storage/tables.ts. A database that an older server made must look exactly like one
// this server makes, step for step, or a migration would meet columns it does not expect.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS, migrate } from "../../server/storage/migrations.js";
import { migratePostgres, PG_MIGRATIONS } from "../../server/storage/postgres.js";
import { type PostgresServer, runPostgresTests, startPostgres } from "./postgres-server.js";

const dir = mkdtempSync(join(tmpdir(), "smolder-schema-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Tables, columns, keys and indexes as SQLite reports them (not the SQL text, which may be laid out differently). */
function sqliteSchema(steps: readonly string[]): unknown {
  const db = new Database(join(dir, `v${steps.length}.db`));
  migrate(db, "test", steps);
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const schema = Object.fromEntries(
    tables.map((t) => [
      t,
      {
        columns: db.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)`).all(t),
        foreignKeys: db.prepare(`SELECT "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq`).all(t),
        indexes: (db.prepare(`SELECT name, "unique", origin FROM pragma_index_list(?) ORDER BY name`).all(t) as { name: string }[]).map((i) => ({
          ...i,
          columns: db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).pluck().all(i.name),
        })),
        checks: /CHECK \([^)]*\)/.exec(db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").pluck().get(t) as string)?.[0] ?? null,
      },
    ]),
  );
  db.close();
  return schema;
}

describe("SQLite schema steps", () => {
  it("there are three steps", () => expect(MIGRATIONS.length).toBe(3));
  for (const version of [1, 2, 3])
    it(`after step ${version} a database has the schema that shipped`, async () => {
      await expect(JSON.stringify(sqliteSchema(MIGRATIONS.slice(0, version)), null, 1)).toMatchFileSnapshot(`schemas/sqlite-v${version}.json`);
    });
});

describe.skipIf(!runPostgresTests)("PostgreSQL schema steps", () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function postgresSchema(steps: readonly string[]): Promise<unknown> {
    const c = new pg.Client({ connectionString: await server.createDatabase(`v${steps.length}`) });
    await c.connect();
    try {
      await migratePostgres(c, "test", steps);
      const q = async (sql: string) => (await c.query(sql)).rows;
      return {
        columns: await q(
          `SELECT table_name, column_name, data_type, is_nullable, is_identity, identity_generation, column_default
             FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
        ),
        constraints: await q(
          `SELECT conrelid::regclass::text AS table_name, conname, contype, pg_get_constraintdef(oid) AS def
             FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`,
        ),
        indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`),
      };
    } finally {
      await c.end();
    }
  }

  it("there are as many steps as SQLite's", () => expect(PG_MIGRATIONS.length).toBe(MIGRATIONS.length));
  for (const version of [1, 2, 3])
    it(`after step ${version} a database has the schema that shipped`, async () => {
      await expect(JSON.stringify(await postgresSchema(PG_MIGRATIONS.slice(0, version)), null, 1)).toMatchFileSnapshot(`schemas/postgres-v${version}.json`);
    });
});
