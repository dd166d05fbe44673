// Several server processes on one Redis, for `npm run bench:scale` and tests/scale: a
// redis-server of our own on a free loopback port in a temp folder (never another Redis's
// data), and game servers started as `npm start` starts them (server/main.ts), each with its
// own port and public address.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? "redis-server";
export const redisAvailable = spawnSync(REDIS_SERVER, ["--version"], { stdio: "ignore" }).status === 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Everything started here dies with this process, even when a test or benchmark is cut short. */
const started = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});
function track(child: ChildProcess): ChildProcess {
  started.add(child);
  child.once("exit", () => started.delete(child));
  return child;
}

/** A port nobody listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** One PING over RESP; true on +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = new Socket();
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(500, () => done(false));
    sock.once("error", () => done(false));
    sock.once("data", (d) => done(d.toString().startsWith("+PONG")));
    sock.connect(port, "127.0.0.1", () => sock.write("PING\r\n"));
  });
}

/** Collects what a child prints, so a failing test can show it. */
function capture(child: ChildProcess): () => string {
  let out = "";
  const add = (d: Buffer) => {
    out += d.toString();
    if (out.length > 20_000) out = out.slice(-20_000);
  };
  child.stdout?.on("data", add);
  child.stderr?.on("data", add);
  return () => out;
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise((r) => child.once("exit", (code) => r(code)));
}

export interface RedisServer {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** A private redis-server: loopback only, no persistence, its folder removed when stopped. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "smolder-redis-"));
  const child = track(
    spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no", "--daemonize", "no"], {
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  const output = capture(child);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited(child);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let t = 0; !(await ping(port)); t++) {
    if (t > 100 || child.exitCode !== null) {
      await stop();
      throw new Error(`redis-server did not start on ${port}:\n${output()}`);
    }
    await sleep(50);
  }
  return { url: `redis://127.0.0.1:${port}`, port, pid: child.pid!, stop };
}

export interface GameServer {
  port: number;
  pid: number;
  /** http://127.0.0.1:<port> */
  url: string;
  child: ChildProcess;
  output(): string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface GameServerOptions {
  port: number;
  redisUrl?: string;
  /** Defaults to 127.0.0.1:<port> when redisUrl is set. */
  publicAddress?: string;
  dataDir: string;
  env?: Record<string, string>;
}

const MAIN = fileURLToPath(new URL("../server/main.ts", import.meta.url));

/** server/main.ts in its own process (as `npm start` runs it), with trusted room settings for fast rounds. */
export async function startGameServer(opts: GameServerOptions): Promise<GameServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(opts.port),
    DATA_DIR: opts.dataDir,
    SMOLDER_TRUST_ROOM_SETTINGS: "1",
    // Benchmarks and tests seat hundreds of clients from this one address.
    SMOLDER_JOIN_BURST: "100000",
    DOTENV_CONFIG_QUIET: "true",
    ...opts.env,
  };
  delete env.REDIS_URL;
  delete env.SMOLDER_PUBLIC_ADDRESS;
  delete env.NODE_APP_INSTANCE;
  // The processes share DATA_DIR, never a DATABASE_URL of the caller's (it would take precedence).
  if (!opts.env?.DATABASE_URL) delete env.DATABASE_URL;
  if (opts.redisUrl) {
    env.REDIS_URL = opts.redisUrl;
    env.SMOLDER_PUBLIC_ADDRESS = opts.publicAddress ?? `127.0.0.1:${opts.port}`;
  }
  const child = track(spawn(process.execPath, ["--import", "tsx", MAIN], { env, stdio: ["ignore", "pipe", "pipe"] }));
  const output = capture(child);
  const url = `http://127.0.0.1:${opts.port}`;
  const server: GameServer = {
    port: opts.port,
    pid: child.pid!,
    url,
    child,
    output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited(child);
    },
  };
  for (let t = 0; ; t++) {
    if (child.exitCode !== null) throw new Error(`server on ${opts.port} exited with ${child.exitCode}:\n${output()}`);
    if (t > 300) {
      await server.stop("SIGKILL");
      throw new Error(`server on ${opts.port} did not answer /healthz:\n${output()}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) return server;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
}

/** GET /healthz of one process: its own rooms and clients. */
export async function health(server: GameServer): Promise<{ rooms: number; clients: number }> {
  return (await (await fetch(`${server.url}/healthz`)).json()) as { rooms: number; clients: number };
}

/** A temp folder shared by the processes as DATA_DIR (one SQLite file), removed by the returned function. */
export function sharedDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "smolder-scale-data-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
