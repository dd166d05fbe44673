// Several server processes as one game: Colyseus's own Redis presence (room calls between
// processes, room codes, tickets) and Redis driver (the shared list of rooms matchmaking
// searches), switched on by REDIS_URL. Each process also gets its own public address, the
// host (and path) browsers use to reach *that* process: the seat reservation names it, so a
// player whose request went to process B connects to process A, where the room lives.
// Without REDIS_URL nothing changes: local presence and driver, one process.
import type { MatchMakerDriver, Presence } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { log } from "./log.js";
import { lastWordsSaid } from "./rooms/last-words.js";

/** What the environment asks for (see scaleFromEnv). */
export interface ScaleConfig {
  /** redis://[user:password@]host:port[/db]; unset means one process with the embedded defaults. */
  redisUrl?: string;
  /** host[:port][/path] of this process as browsers reach it, without a scheme. */
  publicAddress?: string;
}

/** The @colyseus/tools `options` that make a process one of several; empty for one process. */
export interface ScaleServerOptions {
  presence?: Presence;
  driver?: MatchMakerDriver;
  publicAddress?: string;
}

/**
 * Reads REDIS_URL and SMOLDER_PUBLIC_ADDRESS. `{port}` in the address is replaced by the port
 * this process listens on (PORT, plus NODE_APP_INSTANCE under pm2, as @colyseus/tools does), so
 * one setting serves every process behind a proxy that routes /<port>/ to each of them.
 */
export function scaleFromEnv(port: number, env: NodeJS.ProcessEnv = process.env): ScaleConfig {
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  const raw = env.SMOLDER_PUBLIC_ADDRESS?.trim();
  const publicAddress = raw ? normaliseAddress(raw.replaceAll("{port}", String(port))) : undefined;
  return { redisUrl, publicAddress };
}

/** The client adds ws:// or wss:// itself (matching the page), so a scheme and trailing slashes are dropped. */
export function normaliseAddress(address: string): string {
  return address.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/\/+$/, "");
}

/** Sentences for the operator about a configuration that will not work as intended; empty when fine. */
export function scaleWarnings(config: ScaleConfig): string[] {
  const out: string[] = [];
  if (config.redisUrl && !config.publicAddress)
    out.push(
      "REDIS_URL is set but SMOLDER_PUBLIC_ADDRESS is not: a player whose room lives on another process opens the socket to the address the matchmaking request went to, which may not hold the room (fine for a single process on Redis).",
    );
  if (!config.redisUrl && config.publicAddress)
    out.push("SMOLDER_PUBLIC_ADDRESS is set without REDIS_URL: it only matters when several processes share one Redis.");
  return out;
}

/** The ioredis connections inside Colyseus's RedisPresence (pub, sub) and RedisDriver (_client), 0.16.x. */
interface RedisConnection {
  on(event: "error", listener: (err: Error) => void): unknown;
  disconnect(): void;
}
function connectionsOf(presence: RedisPresence, driver: RedisDriver): RedisConnection[] {
  const p = presence as unknown as { pub?: RedisConnection; sub?: RedisConnection };
  const d = driver as unknown as { _client?: RedisConnection };
  return [p.pub, p.sub, d._client].filter((c): c is RedisConnection => typeof c?.on === "function");
}

/** Presence and driver on Redis when configured; throws a clear error when Redis cannot be reached in time. */
export async function openScale(config: ScaleConfig, timeoutMs = 5000): Promise<ScaleServerOptions> {
  const out: ScaleServerOptions = {};
  if (config.publicAddress) out.publicAddress = config.publicAddress;
  if (!config.redisUrl) return out;
  const where = redact(config.redisUrl);
  const presence = new PatientRedisPresence(config.redisUrl);
  const driver = new RedisDriver(config.redisUrl);
  const connections = connectionsOf(presence, driver);
  // ioredis retries for ever and, without a listener, prints every failed attempt. One line
  // per outage instead (matchmaking waits meanwhile; rooms already running carry on).
  let lastError: Error | null = null;
  let lastLogged = 0;
  for (const c of connections)
    c.on("error", (err) => {
      lastError = err;
      if (out.presence && Date.now() - lastLogged > 30_000) {
        lastLogged = Date.now();
        log.warn({ event: "redis-error", redis: where, reason: err.message }, `Redis at ${where}: ${err.message} (retrying)`);
      }
    });
  // Commands wait until ioredis connects: a wrong URL would hang the start silently.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const why = lastError ? `: ${(lastError as Error).message}` : "";
      reject(new Error(`cannot reach Redis at ${where} within ${timeoutMs / 1000} s (REDIS_URL)${why}`));
    }, timeoutMs);
  });
  try {
    await Promise.race([Promise.all([presence.exists("smolder:ping"), driver.has("smolder:ping")]), timeout]);
  } catch (err) {
    for (const c of connections) c.disconnect();
    throw err;
  } finally {
    clearTimeout(timer);
  }
  out.presence = presence;
  out.driver = driver;
  return out;
}

/** Quits Redis only after every closing room has released its code and handed itself over
 *  (Colyseus calls shutdown as soon as the first room of a stopping process is gone). */
class PatientRedisPresence extends RedisPresence {
  override shutdown(): void {
    void lastWordsSaid().then(() => super.shutdown());
  }
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable URL)";
  }
}
