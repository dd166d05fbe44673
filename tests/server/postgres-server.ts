// A private PostgreSQL server for the store tests: Debian's initdb and pg_ctl on a temp folder and
// a free loopback port, trust authentication, fsync off; stopped and removed afterwards. It never
// touches the system's own cluster. PostgreSQL refuses to run as root: as root (CI runs as root)
// the server runs as the `postgres` user that Debian's package creates, in a folder it owns.
import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/** The folder of Debian's newest PostgreSQL binaries (PG_BIN overrides), or null. */
export function findPostgresBin(): string | null {
  const candidates = process.env.PG_BIN ? [process.env.PG_BIN] : [];
  try {
    const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  } catch {
    // not installed
  }
  for (const dir of (process.env.PATH ?? "").split(":")) if (dir) candidates.push(dir);
  return candidates.find((dir) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) ?? null;
}

export const POSTGRES_BIN = findPostgresBin();

/** In CI the PostgreSQL tests are mandatory: a missing initdb fails them instead of skipping. */
export const runPostgresTests = POSTGRES_BIN !== null || process.env.CI === "true";

export interface PostgresServer {
  port: number;
  /** postgres://… of a database on this server. */
  url(database: string): string;
  /** Creates an empty database and answers its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

const SUPERUSER = "smolder";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** uid and gid of a user from /etc/passwd, or null. */
function userIds(name: string): { uid: number; gid: number } | null {
  for (const line of readFileSync("/etc/passwd", "utf8").split("\n")) {
    const [user, , uid, gid] = line.split(":");
    if (user === name) return { uid: Number(uid), gid: Number(gid) };
  }
  return null;
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = POSTGRES_BIN;
  if (!bin) throw new Error("no initdb found (apt-get install -y postgresql); the PostgreSQL store tests need one when CI=true");
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? userIds("postgres") : null;
  if (asRoot && !owner)
    throw new Error("running as root, and PostgreSQL refuses to run as root: no `postgres` user to run it as (Debian's postgresql package creates one)");
  // Under /tmp as root, so the postgres user can reach it whatever TMPDIR says.
  const dir = mkdtempSync(join(asRoot ? "/tmp" : tmpdir(), "smolder-pg-"));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, "data");
  const log = join(dir, "log");
  /** A PostgreSQL program as the user that owns `dir`. */
  const tool = (name: string, args: string[]): [string, string[]] =>
    asRoot ? ["runuser", ["-u", "postgres", "--", join(bin, name), ...args]] : [join(bin, name), args];
  const exec = async (name: string, args: string[]) => {
    const [file, argv] = tool(name, args);
    try {
      await run(file, argv, { cwd: dir, timeout: 60_000 });
    } catch (err) {
      const e = err as { stderr?: string; message: string };
      const logged = existsSync(log) ? readFileSync(log, "utf8").slice(-2000) : "";
      throw new Error(`${name} failed: ${e.stderr || e.message}\n${logged}`);
    }
  };
  const stopNow = (mode: "fast" | "immediate") => {
    const [file, argv] = tool("pg_ctl", ["-D", data, "-m", mode, "-w", "stop"]);
    return [file, argv] as const;
  };
  // If this process ends without stop() (a crashed test run), the server goes with it.
  let running = false;
  const onExit = () => {
    if (running) {
      try {
        const [file, argv] = stopNow("immediate");
        execFileSync(file, argv, { cwd: dir, stdio: "ignore", timeout: 10_000 });
      } catch {
        // already gone
      }
      running = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", onExit);

  try {
    await exec("initdb", ["-D", data, "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"]);
    let port = 0;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      // Loopback TCP only; the socket in the temp folder, not /var/run/postgresql.
      const options = `-p ${port} -h 127.0.0.1 -k ${dir} -F -c full_page_writes=off -c synchronous_commit=off -c max_connections=50`;
      try {
        await exec("pg_ctl", ["-D", data, "-l", log, "-o", options, "-w", "-t", "30", "start"]);
        running = true;
        break;
      } catch (err) {
        // Another program took the port between freePort() and the start: try another.
        if (attempt >= 2) throw err;
      }
    }
    const url = (database: string) => `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`;
    return {
      port,
      url,
      async createDatabase(name) {
        const client = new pg.Client({ connectionString: url("postgres") });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
        } finally {
          await client.end();
        }
        return url(name);
      },
      async stop() {
        if (running) {
          const [file, argv] = stopNow("fast");
          await run(file, argv, { cwd: dir, timeout: 30_000 }).catch(() => undefined);
          running = false;
        }
        process.removeListener("exit", onExit);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    onExit();
    process.removeListener("exit", onExit);
    throw err;
  }
}
