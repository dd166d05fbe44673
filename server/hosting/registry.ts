// What hosted rooms and the HTTP front door share in one process: the code registry (in
// presence, so codes stay unique across processes), the per-address limits, and the store
// that keeps finished rounds.
import { matchMaker, type Presence } from "@colyseus/core";
import { randomCode } from "./codes.js";
import { AddressLimiter, DEFAULT_LIMITS, type RateLimits } from "./limits.js";
import { MemorySessionStore } from "../storage/memory.js";
import type { SessionStore } from "../storage/store.js";

/** Presence set of the codes in use. */
export const CODES_KEY = "smolder:codes";
/** Presence hash code → claims, which makes claiming a code atomic across processes. */
export const CLAIMS_KEY = "smolder:code-claims";
/** Presence hash code → the process holding it, so a code whose process died can be taken over. */
export const OWNERS_KEY = "smolder:code-owners";
/** Presence hash "code:dead process" → takers: exactly one process takes a dead one's code. */
export const TAKEOVERS_KEY = "smolder:code-takeovers";

class Hosting {
  limits: RateLimits = DEFAULT_LIMITS;
  creates = new AddressLimiter(DEFAULT_LIMITS.createBurst, DEFAULT_LIMITS.createEverySeconds);
  failures = new AddressLimiter(DEFAULT_LIMITS.failBurst, DEFAULT_LIMITS.failEverySeconds);
  /** Quick-play joins (joinOrCreate, create, join): a script joining and leaving in a loop runs dry. */
  joins = new AddressLimiter(DEFAULT_LIMITS.joinBurst, DEFAULT_LIMITS.joinEverySeconds);
  /** Trust X-Forwarded-For for the caller's address (only behind a proxy that sets it). */
  trustProxy = false;
  /** Replaced by the app config with the SQLite store (or the one a test passes). */
  store: SessionStore = new MemorySessionStore();

  configure(opts: { limits?: Partial<RateLimits>; trustProxy?: boolean; store?: SessionStore }): void {
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.creates = new AddressLimiter(this.limits.createBurst, this.limits.createEverySeconds);
    this.failures = new AddressLimiter(this.limits.failBurst, this.limits.failEverySeconds);
    this.joins = new AddressLimiter(this.limits.joinBurst, this.limits.joinEverySeconds);
    this.trustProxy = opts.trustProxy === true;
    if (opts.store) this.store = opts.store;
  }

  /**
   * A fresh code, added to the presence set; tries again on the rare clash. With several
   * processes on Redis, two of them could draw the same code at once: HINCRBY on CLAIMS_KEY is
   * atomic, so exactly one counts the code to 1 and owns it; the other draws again.
   */
  async claimCode(presence: Presence, next: () => string = randomCode, owner = matchMaker.processId ?? ""): Promise<string> {
    for (;;) {
      const code = next();
      if (await presence.sismember(CODES_KEY, code)) continue;
      if ((await presence.hincrby(CLAIMS_KEY, code, 1)) !== 1) continue;
      await Promise.all([presence.sadd(CODES_KEY, code), presence.hset(OWNERS_KEY, code, owner)]);
      return code;
    }
  }

  /**
   * A restored room's own code again (see restore.ts): false when a live room holds it. A code
   * still claimed by a process that is gone (killed with kill -9, so it released nothing) is
   * taken over: a process is alive while it listens on its Colyseus channel, and of several
   * processes restoring the same room at once exactly one counts the takeover to 1.
   */
  async reclaimCode(presence: Presence, code: string, owner = matchMaker.processId ?? ""): Promise<boolean> {
    if ((await presence.hincrby(CLAIMS_KEY, code, 1)) !== 1) {
      const holder = await presence.hget(OWNERS_KEY, code);
      if (!holder || holder === owner || (await presence.channels(`p:${holder}`)).length > 0) return false;
      if ((await presence.hincrby(TAKEOVERS_KEY, `${code}:${holder}`, 1)) !== 1) return false;
    }
    await Promise.all([presence.sadd(CODES_KEY, code), presence.hset(OWNERS_KEY, code, owner)]);
    return true;
  }

  async releaseCode(presence: Presence, code: string): Promise<void> {
    await Promise.all([presence.srem(CODES_KEY, code), presence.hdel(CLAIMS_KEY, code), presence.hdel(OWNERS_KEY, code)]);
  }
}

export const hosting = new Hosting();
