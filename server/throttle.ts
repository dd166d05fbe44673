// Per-client flood control: a token bucket. A person pressing keys and clicking stays far
// below the rate; a script hammering the socket runs dry and gets its messages dropped.
import { FLOOD_BURST, FLOOD_DISCONNECT_SECONDS, FLOOD_RATE_PER_SECOND } from "../shared/protocol/index.js";

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond = FLOOD_RATE_PER_SECOND,
    private readonly burst = FLOOD_BURST,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Spends one token if there is one; false means the message must be dropped. */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) * this.ratePerSecond) / 1000);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * The rate new connections get. Only a server that trusts room settings (tests, benchmarks;
 * never production) may raise it, with SMOLDER_FLOOD_RATE: the fuzz test sends thousands of
 * messages a second to reach the handlers, not the throttle.
 */
export const floodLimits = { ratePerSecond: FLOOD_RATE_PER_SECOND, burst: FLOOD_BURST };

export function floodLimitsFromEnv(trusted: boolean, env: NodeJS.ProcessEnv = process.env): void {
  const rate = Number(env.SMOLDER_FLOOD_RATE);
  if (!trusted || !Number.isFinite(rate) || rate <= 0) return;
  floodLimits.ratePerSecond = rate;
  floodLimits.burst = Math.max(FLOOD_BURST, rate);
}

/** A gap this long between two dropped messages ends a spell over the rate. */
const FLOOD_PAUSE_MS = 1000;

/** What to do with one message: handle it, drop it silently, drop it and say so, or disconnect. */
export type FloodVerdict = "admit" | "drop" | "tell" | "disconnect";

/**
 * The policy on top of the bucket. A dropped message is answered at most once a second (a
 * flooder must not turn the server into an amplifier); a client that keeps being over its
 * rate, with no second-long pause, for FLOOD_DISCONNECT_SECONDS is disconnected.
 */
export class FloodGuard {
  private readonly bucket: TokenBucket;
  private overSince: number | null = null;
  private lastDrop = -Infinity;
  private lastTold = -Infinity;
  /** Set once the verdict was "disconnect": the room does not hold such a client's seat. */
  disconnected = false;

  constructor(
    private readonly now: () => number = () => performance.now(),
    ratePerSecond = floodLimits.ratePerSecond,
    burst = floodLimits.burst,
    private readonly disconnectAfterMs = FLOOD_DISCONNECT_SECONDS * 1000,
  ) {
    this.bucket = new TokenBucket(ratePerSecond, burst, now);
  }

  check(): FloodVerdict {
    if (this.disconnected) return "drop";
    if (this.bucket.take()) return "admit";
    const t = this.now();
    if (this.overSince === null || t - this.lastDrop > FLOOD_PAUSE_MS) this.overSince = t;
    this.lastDrop = t;
    if (t - this.overSince >= this.disconnectAfterMs) {
      this.disconnected = true;
      return "disconnect";
    }
    if (t - this.lastTold < 1000) return "drop";
    this.lastTold = t;
    return "tell";
  }
}
