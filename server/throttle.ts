// Per-client flood control: a token bucket. A person pressing keys and clicking stays far
// below the rate; a script hammering the socket runs dry and gets its messages dropped.
import { FLOOD_BURST, FLOOD_RATE_PER_SECOND } from "./protocol.js";

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
