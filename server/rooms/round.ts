// One round of the rules as a room runs it: the game, its input log, who holds each seat, the
// intents waiting for the next tick, the countdown, the fixed-step loop, the synced state and
// the finish. Quick play and hosted rooms both run their rounds here, so the two can never
// order inputs, step or end a round differently; a room only decides who sits where, and when.
import type { Room } from "@colyseus/core";
import type { RoundEnd } from "../../shared/ending.js";
import {
  applyEntry,
  applyIntent,
  type BotKind,
  createGame,
  type GameState,
  type Intent,
  type LogEntry,
  type ResultsSummary,
  type RoundSummary,
  roundSummary,
  runBots,
  type Scenario,
  stateHash,
  step,
  withRecap,
} from "../../shared/index.js";
import { botName, type ErrorMessage, MSG, PATCH_RATE_HZ, type RoundRecord, type Stage, type Status } from "../../shared/protocol/index.js";
import { recordTick } from "../metrics.js";
import type { SmolderState } from "../schema/SmolderState.js";
import { stopSimulation } from "./authority.js";
import { FixedStep } from "./fixedStep.js";
import { StateSync } from "./sync.js";

/** Bots in rooms decide at a person's pace (decisions a second), never faster than the people beside them. */
export const ROOM_BOT_PACE = 2;

/** An intent waiting for the next tick, in arrival order. */
interface Queued {
  sessionId: string;
  seat: number;
  intent: Intent;
}

/** What the round asks of the room it runs in. */
export interface RoundHooks {
  /** How a seat shows: the rules know whether it is present, the room who is away or gone. */
  status(seat: number, burntOut: boolean): Status;
  /** An intent the rules refused at its tick, for its sender. */
  refuse(sessionId: string, error: ErrorMessage): void;
  /** Whether the round stands still (a host's pause): no countdown, no ticks, no time owed. */
  paused?(): boolean;
  /** After every publish: whatever else the room shows (watchers, the consoles' charts). */
  published?(): void;
  /** The round is over and summed up, before anyone is told: keep it, lock the room. */
  finished?(reason: RoundEnd): void;
}

/** The parts of a Colyseus room a round uses. */
export type RoundRoom = Pick<Room<SmolderState>, "state" | "clock" | "broadcast" | "setSimulationInterval">;

export class Round {
  private game!: GameState;
  private roundScenario!: Scenario;
  private roundSeed = 0;
  private sync!: StateSync;
  private log: LogEntry[] = [];
  /** keys[seat]: the seat's key in state.players (a session id, or "bot-<seat>"). */
  private keys: string[] = [];
  private queue: Queued[] = [];
  private loop: FixedStep | null = null;
  private countdownTimer: { clear(): void } | null = null;
  private roundSummaryNow: RoundSummary | null = null;
  private resultsNow: ResultsSummary | null = null;
  private endReason: RoundEnd | "" = "";
  private startedAtMs = 0;
  private endedAtMs = 0;

  constructor(
    private readonly room: RoundRoom,
    private readonly hooks: RoundHooks,
  ) {}

  // ---- what the room and its tests read ----

  /** A method, not a getter: the stage changes between two reads (across an await, a tick). */
  stage(): Stage {
    return this.room.state.stage as Stage;
  }
  /** The rules' state; the round alone mutates it. */
  get rules(): Readonly<GameState> {
    return this.game;
  }
  /** Replaying it with the same scenario and seed rebuilds this game. */
  get inputLog(): readonly LogEntry[] {
    return this.log;
  }
  get scenario(): Scenario {
    return this.roundScenario;
  }
  get seed(): number {
    return this.roundSeed;
  }
  /** The seat's key in the synced state, or undefined for a seat nobody took. */
  keyOf(seat: number): string | undefined {
    return this.keys[seat];
  }
  /** Once ended: the summary as stored, and as players get it (with its recap). */
  get summary(): RoundSummary | null {
    return this.roundSummaryNow;
  }
  get results(): ResultsSummary | null {
    return this.resultsNow;
  }
  /** The finished round as its stored record holds it (the room adds whose it was, and its settings). */
  played(): Pick<RoundRecord, "scenario" | "seed" | "log" | "ended" | "ticks" | "hash" | "summary" | "timeline" | "startedAt" | "endedAt"> {
    return {
      scenario: this.roundScenario,
      seed: this.roundSeed,
      log: this.log,
      ended: this.endReason as RoundEnd,
      ticks: this.game.tick,
      hash: this.hash(),
      summary: this.roundSummaryNow!,
      timeline: this.game.timeline,
      startedAt: this.startedAtMs,
      endedAt: this.endedAtMs,
    };
  }
  hash(): string {
    return stateHash(this.game);
  }

  // ---- before the start ----

  /** A fresh game: nobody seated, nothing logged, the synced state emptied to match. */
  reset(scenario: Scenario = this.roundScenario, seed: number = this.roundSeed): void {
    this.roundScenario = scenario;
    this.roundSeed = seed;
    this.game = createGame(scenario, seed);
    // New arrays: a finished round's record keeps its own log.
    this.log = [];
    this.keys = [];
    this.queue = [];
    this.roundSummaryNow = null;
    this.resultsNow = null;
    this.endReason = "";
    const st = this.room.state;
    st.scenario = scenario.id;
    st.tickRate = scenario.tickRate;
    if (st.players.size > 0) st.players.clear();
    for (const arr of [st.leaderboard, st.heat, st.guard, st.dust, st.risk, st.embers, st.leverage]) if (arr.length > 0) arr.clear();
    this.sync = new StateSync(st);
  }

  /** Seats a person or a bot in the rules, logs it, and keeps the seat's key. */
  seat(key: string, spec: { name: string; bot: BotKind | null; pace?: number }): number {
    const seat = this.game.players.length;
    const join = spec.pace === undefined ? { name: spec.name, bot: spec.bot } : { name: spec.name, bot: spec.bot, pace: spec.pace };
    this.record({ tick: this.game.tick, seat, join });
    this.keys[seat] = key;
    return seat;
  }

  /** Bots of the given kinds, in turn, take `count` more seats (named by seat and kind, in a shape
   *  each client shows in its own language). */
  fillWithBots(count: number, kinds: readonly BotKind[], pace = ROOM_BOT_PACE): void {
    for (let k = 0; k < count; k++) {
      const kind = kinds[k % kinds.length]!;
      const seat = this.game.players.length;
      this.seat(`bot-${seat}`, { name: botName(seat, kind), bot: kind, pace });
    }
  }

  /** Applies one non-intent entry through the rules (the path a replay takes) and logs it. */
  record(entry: Exclude<LogEntry, { intent: Intent }>): void {
    applyEntry(this.game, entry);
    this.log.push(entry);
  }

  /** Counts whole seconds down in the synced state (standing still while paused), then `then`. */
  countdown(seconds: number, then: () => void): void {
    this.cancelCountdown();
    const st = this.room.state;
    st.stage = "countdown";
    st.countdown = seconds;
    if (seconds <= 0) return;
    const timer = this.room.clock.setInterval(() => {
      if (this.hooks.paused?.()) return;
      st.countdown = Math.max(0, st.countdown - 1);
      if (st.countdown > 0) return;
      timer.clear();
      this.countdownTimer = null;
      then();
    }, 1000);
    this.countdownTimer = timer;
  }

  cancelCountdown(): void {
    this.countdownTimer?.clear();
    this.countdownTimer = null;
    this.room.state.countdown = 0;
  }

  // ---- playing ----

  /** The round begins: the fixed-step loop runs the rules at `tickMs` of wall clock a tick. */
  play(tickMs: number): void {
    const st = this.room.state;
    st.stage = "playing";
    st.countdown = 0;
    this.startedAtMs = Date.now();
    this.loop = new FixedStep(tickMs);
    this.room.setSimulationInterval(
      (delta) => {
        // Paused: no ticks run and no time is owed; the loop starts afresh on resume.
        if (this.hooks.paused?.() || !this.loop) return;
        const t0 = performance.now();
        const ticks = this.loop.advance(delta, () => this.tick());
        if (ticks === 0) return;
        this.publish();
        recordTick((performance.now() - t0) / ticks);
      },
      Math.max(1, Math.min(tickMs, 1000 / PATCH_RATE_HZ)),
    );
    this.publish();
  }

  /**
   * A round brought back from its checkpoint (hosting/restore.ts): its game, log and seats as
   * they were, the loop running again (the room holds it paused until the host resumes).
   */
  resumeFrom(game: GameState, log: LogEntry[], keys: string[], startedAtMs: number, tickMs: number): void {
    this.reset(game.scenario, game.seed);
    this.game = game;
    this.log = log;
    this.keys = [...keys];
    this.play(tickMs);
    this.startedAtMs = startedAtMs;
  }

  /** Someone back in their seat on a new connection (after a restart): the seat's key follows them. */
  rekey(seat: number, key: string): void {
    const old = this.keys[seat];
    if (old !== undefined && old !== key) this.room.state.players.delete(old);
    this.keys[seat] = key;
  }

  /** The seats' keys, for a checkpoint. */
  get seatKeys(): readonly string[] {
    return this.keys;
  }

  /** When the round began (ms since the epoch), for a checkpoint. */
  get startedAt(): number {
    return this.startedAtMs;
  }

  /** After a pause: the time that passed meanwhile is not owed. */
  resume(): void {
    if (this.loop) this.loop = new FixedStep(this.loop.stepMs);
  }

  /** An intent for the next tick, applied in arrival order. */
  enqueue(sessionId: string, seat: number, intent: Intent): void {
    this.queue.push({ sessionId, seat, intent });
  }

  /** One tick: queued intents in arrival order, then the bots, then the rules' step. */
  private tick(): void {
    if (this.stage() !== "playing" || this.hooks.paused?.()) return;
    const g = this.game;
    const batch = this.queue;
    this.queue = [];
    for (const q of batch) {
      const verdict = applyIntent(g, q.seat, q.intent);
      // Accepted inputs are logged with the tick they were applied before.
      if (verdict.ok) this.log.push({ tick: g.tick, seat: q.seat, intent: q.intent });
      else this.hooks.refuse(q.sessionId, { code: verdict.code, message: verdict.reason });
    }
    for (const move of runBots(g)) this.log.push({ tick: g.tick, seat: move.seat, intent: move.intent });
    step(g);
    if (g.ended) this.finish(g.ended);
  }

  /** Ends the round (time, collapse, or the host): summed up, kept by the room, then told to everyone. */
  finish(reason: RoundEnd): void {
    stopSimulation(this.room);
    this.loop = null;
    this.queue = [];
    this.room.state.stage = "ended";
    this.endReason = reason;
    this.endedAtMs = Date.now();
    this.roundSummaryNow = roundSummary(this.game);
    // Players' results draw the round's value and praise over time from the recap.
    this.resultsNow = withRecap(this.roundSummaryNow, this.game);
    this.hooks.finished?.(reason);
    this.publish();
    // After the patch, so a client reading the summary already sees the ended state.
    this.room.broadcast(MSG.summary, this.resultsNow, { afterNextPatch: true });
  }

  /** Copies what players may see of the rules' state into the synced schema. */
  publish(): void {
    this.sync.publish(this.game, this.keys, (seat, burntOut) => this.hooks.status(seat, burntOut));
    // The rules know "time" and "collapse"; a round the host ended says so.
    this.room.state.ended = this.stage() === "ended" ? this.endReason : "";
    this.hooks.published?.();
  }
}
