// A round in progress, written down as it plays, so a server that dies (kill -9, a deploy) loses
// at most a second of it. Each write is the head (tick, hash, the room's facts) and the log
// entries since the last write; now and then a snapshot of the rules state, so a restore replays
// at most SNAPSHOT_EVERY_TICKS ticks rather than the whole round.
import { createGame, type GameState, type LogEntry, replayFrom, restore, progressHash, type Scenario } from "../../shared/index.js";
import type { Checkpoint, CheckpointWrite, SessionStore } from "../storage/store.js";

/** The format this server writes; it refuses to restore a newer one. */
export const CHECKPOINT_FORMAT = 1;
/** How often a playing room writes, in seconds of rounds time (and the most of a round a crash can take). */
export const CHECKPOINT_EVERY_SECONDS = 1;
/** 30 s of rounds time at 10 ticks a second. */
export const SNAPSHOT_EVERY_TICKS = 300;

/** Stored as Checkpoint.snapshot.state: the rules state and how many log entries it had applied. */
export interface SnapshotState {
  logLength: number;
  game: GameState;
}

/** What a room shows the checkpointer at each write. */
export interface RoundProgress {
  readonly sessionId: string;
  readonly code: string;
  /** The round number; a new one starts the stored log afresh. */
  readonly round: number;
  readonly game: Readonly<GameState>;
  readonly log: readonly LogEntry[];
  /** The room's own facts (settings, seats, host…), plain JSON. */
  readonly room: unknown;
}

/** Read at each write, so the room answers with its state as of then. */
export type CheckpointSource = () => RoundProgress;

export interface CheckpointHooks {
  /** A write failed (the next one tries again, from the start of the log if it must). */
  failed(err: unknown): void;
}

export class Checkpointer {
  private written = 0;
  private round = -1;
  private snapshotTick = 0;
  private lastTick = -Infinity;
  private inFlight: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  writes = 0;
  /** Whether the last write reached the store. */
  lastWriteOk = false;

  constructor(
    private readonly store: SessionStore,
    private readonly source: CheckpointSource,
    private readonly hooks: CheckpointHooks,
  ) {}

  /** Called as the room plays: writes when CHECKPOINT_EVERY_SECONDS of rounds time have passed
   *  since the last write (a room that runs faster than the clock, in tests, writes as often). */
  tick(tick: number, tickRate: number): void {
    if (tick - this.lastTick < CHECKPOINT_EVERY_SECONDS * tickRate && tick >= this.lastTick) return;
    this.lastTick = tick;
    void this.save();
  }

  /** Writes now (a host command, a shutdown). While a write is under way, one more follows it,
   *  and the promise answered settles once that one, which holds the state as of now, is done. */
  save(): Promise<void> {
    if (this.queued) return this.queued;
    if (this.inFlight) {
      this.queued = this.inFlight.then(() => {
        this.queued = null;
        return this.save();
      });
      return this.queued;
    }
    this.inFlight = this.write().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** The round ended and is stored as a round, or the room closed for good. */
  async forget(): Promise<void> {
    await (this.queued ?? this.inFlight);
    this.round = -1;
    this.written = 0;
    await this.store.deleteCheckpoint(this.source().sessionId);
  }

  private async write(): Promise<void> {
    const s = this.source();
    if (s.round !== this.round) {
      this.round = s.round;
      this.written = 0;
      this.snapshotTick = 0;
    }
    const game = s.game;
    const from = this.written;
    const entries = s.log.slice(from);
    const w: CheckpointWrite = {
      sessionId: s.sessionId,
      code: s.code,
      round: s.round,
      format: CHECKPOINT_FORMAT,
      savedAt: Date.now(),
      tick: game.tick,
      hash: progressHash(game as GameState),
      room: s.room,
      from,
      entries,
    };
    // A fresh log (a new round, or after a lost write) always gets a snapshot when the round is under way.
    if (game.tick - this.snapshotTick >= SNAPSHOT_EVERY_TICKS || (from === 0 && game.tick > 0)) {
      // Not copied: every store reads a write before saveCheckpoint returns (its contract).
      const state: SnapshotState = { logLength: s.log.length, game: game as GameState };
      w.snapshot = { tick: game.tick, state };
      this.snapshotTick = game.tick;
    }
    const length = s.log.length;
    try {
      await this.store.saveCheckpoint(w);
      this.written = length;
      this.writes++;
      this.lastWriteOk = true;
    } catch (err) {
      // Whatever the store holds now, the next write starts the log afresh with a snapshot.
      this.written = 0;
      this.snapshotTick = 0;
      this.lastWriteOk = false;
      this.hooks.failed(err);
    }
  }
}

export type Rebuilt = { ok: true; game: GameState } | { ok: false; reason: string };

/**
 * The rules state a checkpoint describes: its snapshot (or the round's start) carried on by the
 * rest of its log to its tick, checked against its hash. A checkpoint from a newer server, or
 * one that does not rebuild to its hash, is refused with the reason a host can be told.
 */
export function rebuildRound(cp: Checkpoint, scenario: Scenario, seed: number): Rebuilt {
  if (cp.format > CHECKPOINT_FORMAT) return { ok: false, reason: `it was written by a newer server (checkpoint format ${cp.format})` };
  let game: GameState;
  let from = 0;
  try {
    const snap = cp.snapshot?.state as SnapshotState | undefined;
    if (snap && cp.snapshot!.tick <= cp.tick) {
      game = restore(snap.game);
      from = snap.logLength;
    } else game = createGame(scenario, seed);
    replayFrom(game, cp.log, from, cp.tick, true);
  } catch (err) {
    return { ok: false, reason: `its log could not be replayed (${err instanceof Error ? err.message : String(err)})` };
  }
  const hash = progressHash(game);
  if (game.tick !== cp.tick || hash !== cp.hash) return { ok: false, reason: `it rebuilds to a different game (tick ${game.tick}, expected ${cp.tick})` };
  return { ok: true, game };
}
