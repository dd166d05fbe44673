// Finished rounds on their way to the store. A save that fails (a full disk, a database that is
// restarting) is tried again with a growing delay until it succeeds, and the room is told which
// rounds are not stored yet so the host console can say so, instead of the round being lost
// with nothing but a log line.
import { unsavedField } from "../../shared/protocol/index.js";
import { log } from "../log.js";
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
  /** Rounds the store still refused at the last try (the room is closing). */
  lost?(rounds: number[]): void;
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
    const lost = this.unsaved;
    if (lost.length > 0) this.hooks.lost?.(lost);
    return lost;
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

/** What a room's saver needs of the room: its session, its clock, and its notice to the console. */
export interface SavingRoom {
  readonly roomId: string;
  readonly facilitationSession: string;
  readonly state: { unsaved: string };
  readonly clock: { setTimeout(fn: () => void, ms: number): { clear(): void } };
}

/** A hosted room's saver: rounds go to the session store; failures are logged and shown on the console. */
export function roomSaver(room: SavingRoom, save: (record: RoundRecord) => Promise<void>): RoundSaver {
  return new RoundSaver({
    save,
    changed: (unsaved) => (room.state.unsaved = unsavedField(unsaved)),
    failed: (round, attempt, err) =>
      log.error({ event: "round-save-failed", room: room.roomId, session: room.facilitationSession, round, attempt, err }, "round-save-failed (retrying)"),
    recovered: (round, attempts) => log.info({ event: "round-saved", room: room.roomId, round, attempts }, "round-saved after retrying"),
    later: (fn, ms) => room.clock.setTimeout(fn, ms),
    lost: (rounds) =>
      log.error(
        { event: "rounds-lost", room: room.roomId, session: room.facilitationSession, rounds },
        "rounds-lost: the room closed before the store accepted them",
      ),
  });
}
