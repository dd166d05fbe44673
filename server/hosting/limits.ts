// Per-address limits for the hosted-room front door: creating rooms, and guessing codes or
// host secrets. Failures cost a token; a classroom behind one address joining the same
// right code is never slowed down, while a script trying codes runs dry within seconds.
import type { IncomingMessage } from "node:http";

export interface RateLimits {
  /** Rooms one address may create: a burst, then one every `createEverySeconds`. */
  createBurst: number;
  createEverySeconds: number;
  /** Wrong codes or host secrets one address may try: a burst, then one every `failEverySeconds`. */
  failBurst: number;
  failEverySeconds: number;
  /** Quick-play joins one address may make: a burst (a class behind one address), then one every `joinEverySeconds`. */
  joinBurst: number;
  joinEverySeconds: number;
}

export const DEFAULT_LIMITS: RateLimits = { createBurst: 10, createEverySeconds: 30, failBurst: 10, failEverySeconds: 6, joinBurst: 30, joinEverySeconds: 1 };

/** SMOLDER_JOIN_BURST: quick-play joins one address may make at once (benchmarks raise it; everything else keeps the default). */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<RateLimits> {
  const burst = Number(env.SMOLDER_JOIN_BURST);
  return Number.isInteger(burst) && burst > 0 ? { joinBurst: burst } : {};
}

/** Token buckets by address; idle entries are forgotten so the map cannot grow without end. */
export class AddressLimiter {
  private readonly buckets = new Map<string, { tokens: number; last: number }>();

  constructor(
    private readonly burst: number,
    private readonly everySeconds: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private refill(address: string): { tokens: number; last: number } {
    const t = this.now();
    let b = this.buckets.get(address);
    if (!b) {
      if (this.buckets.size >= 10_000) this.sweep(t);
      b = { tokens: this.burst, last: t };
      this.buckets.set(address, b);
    }
    b.tokens = Math.min(this.burst, b.tokens + (t - b.last) / 1000 / this.everySeconds);
    b.last = t;
    return b;
  }

  /** True while the address has a token left (none is spent). */
  allowed(address: string): boolean {
    return this.refill(address).tokens >= 1;
  }

  /** Spends a token; false when there was none. */
  take(address: string): boolean {
    const b = this.refill(address);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Gives back a token taken ahead of an answer that turned out not to be a failure. */
  giveBack(address: string): void {
    const b = this.refill(address);
    b.tokens = Math.min(this.burst, b.tokens + 1);
  }

  /** Seconds until the address has a token again. */
  waitSeconds(address: string): number {
    const b = this.refill(address);
    return b.tokens >= 1 ? 0 : Math.ceil((1 - b.tokens) * this.everySeconds);
  }

  private sweep(t: number): void {
    const full = this.everySeconds * this.burst * 1000;
    for (const [k, v] of this.buckets) if (t - v.last > full) this.buckets.delete(k);
  }
}

/**
 * Colyseus takes a client's address from X-Real-IP or X-Forwarded-For whenever they are present,
 * and anyone can send them: a forged header would get a fresh budget of wrong host secrets per
 * request, or spend someone else's. Before Colyseus reads a WebSocket upgrade, X-Real-IP (which
 * it reads first) is set to the address addressOf() trusts: the socket's, unless SMOLDER_TRUST_PROXY.
 * The rooms' auth context then carries the same address as every HTTP limit.
 */
export function pinClientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const address = addressOf(req, trustProxy);
  req.headers["x-real-ip"] = address;
  return address;
}

/** The caller's address: the socket's, or the first forwarded one when behind a trusted proxy. */
export function addressOf(req: IncomingMessage | undefined, trustProxy: boolean, fallback = "unknown"): string {
  if (!req) return fallback;
  if (trustProxy) {
    const fwd = req.headers["x-forwarded-for"];
    const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return req.socket?.remoteAddress ?? fallback;
}
