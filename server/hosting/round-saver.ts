// Finished rounds on their way to the store. A save that fails (a full disk, a database that is
// restarting) is tried again with a growing delay until it succeeds, and the room is told which
// rounds are not stored yet so the host console can say so, instead of the round being lost
// with nothing but a log line.
import type { RoundRecord } from "./rounds.js";

/** First retry after this long, doubling up to RETRY_MAX_MS. */
export const RETRY_BASE_MS = 500;
export const RETRY_MAX_MS = 30_000;

export interface RoundSaverHooks {
  save(record: RoundRecord): Promise<void>;
  /** The rounds not stored yet, in order, whenever that list changes. */
  changed(unsaved: number[]): void;
  failed(round: number, attempt: number, err: unknown): void;
  /** A round stored after at least one failure. */
  recovered(round: number, attempts: number): void;
  /** The room's clock, so retries stop when the room is disposed. */
  later(fn: () => void, ms: number): { clear(): void };
}

interface Pending {
  record: RoundRecord;
  attempts: number;
  timer: { clear(): void } | null;
}

export class RoundSaver {
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly hooks: RoundSaverHooks) {}

  get unsaved(): number[] {
    return [...this.pending.keys()].sort((a, b) => a - b);
  }

  save(record: RoundRecord): Promise<void> {
    this.pending.set(record.round, { record, attempts: 0, timer: null });
    return this.attempt(record.round);
  }

  /** One last try for every round still waiting (the room is closing); answers those still unsaved. */
  async flush(): Promise<number[]> {
    for (const p of this.pending.values()) {
      p.timer?.clear();
      p.timer = null;
    }
    await Promise.all(this.unsaved.map((round) => this.attempt(round, false)));
    return this.unsaved;
  }

  private async attempt(round: number, retry = true): Promise<void> {
    const p = this.pending.get(round);
    if (!p) return;
    p.timer = null;
    p.attempts++;
    try {
      await this.hooks.save(p.record);
    } catch (err) {
      this.hooks.failed(round, p.attempts, err);
      // The first failure changes the list; later ones leave it as it is.
      if (p.attempts === 1) this.hooks.changed(this.unsaved);
      if (retry) p.timer = this.hooks.later(() => void this.attempt(round), Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (p.attempts - 1)));
      return;
    }
    this.pending.delete(round);
    if (p.attempts > 1) {
      this.hooks.recovered(round, p.attempts);
      this.hooks.changed(this.unsaved);
    }
  }
}

/** What the host console shows while rounds wait: "" when everything is stored. */
export function unsavedText(rounds: readonly number[]): string {
  if (rounds.length === 0) return "";
  const which = rounds.length === 1 ? `Round ${rounds[0]}` : `Rounds ${rounds.slice(0, -1).join(", ")} and ${rounds.at(-1)}`;
  return `${which} not saved yet — retrying`;
}
