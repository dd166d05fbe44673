// A hosted room's side of surviving a restart: what it writes beside its round (the facts a new
// process needs to open the room again as it was), and what it does when it is opened from a
// checkpoint: the round rebuilt and paused, everyone told, and each person's seat kept for them
// until they come back with the same browser (its device id) or, failing that, the same name.
import type { Room } from "@colyseus/core";
import type { GameState, LogEntry, Scenario } from "../../shared/index.js";
import { NOTICES, type Stage } from "../../shared/protocol/index.js";
import type { RoundSettings } from "../../shared/settings.js";
import { log } from "../log.js";
import { sanitizeName } from "../names.js";
import { closeForRestart, closeForShutdown } from "../rooms/authority.js";
import type { Round } from "../rooms/round.js";
import type { HostedState } from "../schema/HostedState.js";
import type { Checkpoint } from "../storage/store.js";
import { Checkpointer, rebuildRound, type RoundProgress } from "./checkpoints.js";
import { showSettings } from "./feeds.js";
import type { People, Person } from "./people.js";
import { hosting } from "./registry.js";
import { HANDOVER_TOPIC } from "./restore.js";

/** What a hosted room writes beside its round (Checkpoint.room). */
export interface HostedFacts {
  kind: "hosted";
  /** Where the room was: only a round being played is rebuilt; otherwise the room reopens for its next round. */
  stage: Stage;
  settings: RoundSettings;
  /** The round number in the session, and the exact scenario and seed the round runs. */
  round: number;
  scenario: Scenario;
  seed: number;
  keys: string[];
  /** People in seats: to be seated again when they come back. */
  seats: { seat: number; name: string; device: string | null }[];
  shown: { board: string; locked: boolean; message: string; hostDrop: string; paused: boolean; team: string; workshop: string; language: string };
  banned: string[];
  startedAt: number;
  /** A trusted server's own pace (tests): ms a tick and the reconnect window. */
  timing: { tickMs?: number; reconnectSeconds?: number };
}

/** A seat waiting for its person after a restart. */
interface Returning {
  seat: number;
  name: string;
  device: string | null;
}

export class ReturningSeats {
  private readonly waiting: Returning[] = [];

  get size(): number {
    return this.waiting.length;
  }

  add(seats: readonly Returning[]): void {
    this.waiting.push(...seats);
  }

  /** The seat `person` had before the restart, if any: by their browser, else by their name. */
  take(person: Pick<Person, "device" | "name">, name: string): Returning | null {
    let i = person.device ? this.waiting.findIndex((r) => r.device === person.device) : -1;
    if (i < 0) i = this.waiting.findIndex((r) => r.device === null && r.name === name);
    return i < 0 ? null : this.waiting.splice(i, 1)[0]!;
  }

  clear(): void {
    this.waiting.length = 0;
  }

  list(): Returning[] {
    return [...this.waiting];
  }
}

export type Restored =
  { ok: true; facts: HostedFacts; game: GameState; log: LogEntry[] } | { ok: true; facts: HostedFacts; game: null } | { ok: false; reason: string };

/** The hosted round a checkpoint holds, rebuilt to its hash, or why it cannot be. */
export function restoredRound(cp: Checkpoint | null): Restored {
  if (!cp) return { ok: false, reason: "no round in progress was written down" };
  const facts = cp.room as Partial<HostedFacts> | null;
  if (facts?.kind !== "hosted" || !facts.scenario || !Array.isArray(facts.keys) || !Array.isArray(facts.seats))
    return { ok: false, reason: "its checkpoint is not a hosted room's" };
  if (facts.stage !== "playing") return { ok: true, facts: facts as HostedFacts, game: null };
  const rebuilt = rebuildRound(cp, facts.scenario, facts.seed ?? 0);
  if (!rebuilt.ok) return rebuilt;
  return { ok: true, facts: facts as HostedFacts, game: rebuilt.game, log: cp.log };
}

/** What the recovery reads of the room's own fields, at the moment it needs them. */
export interface RoomInside {
  sessionId: string;
  timing: HostedFacts["timing"];
  settings: RoundSettings;
  people: People;
  round: Round;
}

/**
 * The hosted room's recovery: it writes the round down as it plays (through a Checkpointer), and
 * when the room was opened from a checkpoint, seats people again as they come back.
 */
export class HostedRecovery {
  readonly checkpoints: Checkpointer;
  private readonly returning = new ReturningSeats();
  /** The room closes for a restart with its round written down: its checkpoint stays. */
  private restarting = false;

  constructor(
    private readonly room: Room<HostedState>,
    private readonly inside: () => RoomInside,
  ) {
    this.checkpoints = new Checkpointer(hosting.store, () => this.progress(), {
      failed: (err) => log.warn({ event: "checkpoint-failed", room: this.room.roomId, err }, "checkpoint-failed (the next write starts afresh)"),
    });
  }

  /**
   * Opens a restored room. A round being played comes back as it was written down, paused; a room
   * between rounds reopens for its next round with its settings (`adopt`, then `fresh`); a round
   * that cannot be brought back gives a fresh one, with the reason on every screen.
   */
  async open(sessionId: string, tickMs: number | null, room: { adopt(settings: RoundSettings): void; fresh(): void }): Promise<void> {
    const restored = await this.load(sessionId);
    const st = this.room.state;
    if (!restored.ok) {
      room.fresh();
      st.message = NOTICES.roundNotRestored;
      log.warn({ event: "restore-failed", room: this.room.roomId, session: sessionId, reason: restored.reason }, "restore-failed");
      return;
    }
    const { facts } = restored;
    room.adopt(facts.settings);
    if (restored.game === null) {
      room.fresh();
      Object.assign(st, { ...facts.shown, paused: false });
      log.info({ event: "room-restored", room: this.room.roomId, session: sessionId }, "room-restored (between rounds)");
      return;
    }
    const { round } = this.inside();
    const game = restored.game;
    showSettings(st, facts.settings);
    round.resumeFrom(game, restored.log, facts.keys, facts.startedAt, tickMs ?? 1000 / game.scenario.tickRate);
    this.seatsWait(facts);
    round.publish();
    log.info({ event: "round-restored", room: this.room.roomId, session: sessionId, tick: game.tick }, "round-restored");
  }

  /** The round a restored room opens with (see restoredRound). */
  private async load(sessionId: string): Promise<Restored> {
    try {
      return restoredRound(await hosting.store.getCheckpoint(sessionId));
    } catch (err) {
      return { ok: false, reason: `the store could not be read (${err instanceof Error ? err.message : String(err)})` };
    }
  }

  /** After resumeFrom: the room shows what it showed, paused, and each person's seat waits for them. */
  private seatsWait(facts: HostedFacts): void {
    const { round, people } = this.inside();
    const st = this.room.state;
    Object.assign(st, facts.shown);
    st.round = facts.round;
    st.paused = true;
    st.message = NOTICES.restarted;
    for (const device of facts.banned) people.banned.add(device);
    this.returning.add(facts.seats);
    // Nobody is connected yet: their seats are away until they are back (logged, as any drop is).
    for (const s of facts.seats) if (round.rules.players[s.seat]?.present) round.record({ tick: round.rules.tick, seat: s.seat, leave: true });
  }

  /** A player joining a restored round: true when they got their own seat back. */
  seatReturning(sessionId: string, person: Person, name: unknown): boolean {
    const { round } = this.inside();
    if (this.returning.size === 0 || round.stage() !== "playing") return false;
    const r = this.returning.take(person, sanitizeName(name));
    if (!r) return false;
    person.name = r.name;
    person.seat = r.seat;
    round.rekey(r.seat, sessionId);
    if (round.rules.players[r.seat]?.present === false) round.record({ tick: round.rules.tick, seat: r.seat, rejoin: true });
    return true;
  }

  /** Every host command is written down at once; a resumed round no longer needs the restart notice. */
  afterCommand(): void {
    const st = this.room.state;
    if (!st.paused && st.message === NOTICES.restarted) st.message = "";
    void this.checkpoints.save();
  }

  /** The round is stored as a round: what is written down now is a room between rounds. */
  roundStored(): void {
    this.returning.clear();
    void this.checkpoints.save();
  }

  /** The server stops: the room is written down as it is, and then everyone is told to come back. */
  async shutdown(): Promise<void> {
    await this.checkpoints.save();
    this.restarting = this.checkpoints.lastWriteOk;
    await (this.restarting ? closeForRestart(this.room) : closeForShutdown(this.room));
  }

  /** The room closed for good (not for a restart): its checkpoint goes with it. */
  async disposed(): Promise<void> {
    // Its code is free again by now: another process (on Redis) may open it at once.
    // Awaited: the server quits Redis next, and the message must be on its way first.
    if (this.restarting) return this.room.presence.publish(HANDOVER_TOPIC, { sessionId: this.inside().sessionId });
    await this.checkpoints.forget().catch(() => undefined);
  }

  private progress(): RoundProgress {
    const { round, people, settings, sessionId, timing } = this.inside();
    const st = this.room.state;
    const seated = [...people.values()].flatMap((p) => (p.seat === null ? [] : [{ seat: p.seat, name: p.name, device: p.device ?? null }]));
    const facts: HostedFacts = {
      kind: "hosted",
      settings,
      round: st.round,
      scenario: round.scenario,
      seed: round.seed,
      stage: round.stage(),
      keys: [...round.seatKeys],
      // Seats still waiting for their people after an earlier restart stay theirs.
      seats: [...seated, ...this.returning.list()],
      shown: {
        board: st.board,
        locked: st.locked,
        message: st.message,
        hostDrop: st.hostDrop,
        paused: st.paused,
        team: st.team,
        workshop: st.workshop,
        language: st.language,
      },
      banned: [...people.banned],
      startedAt: round.startedAt,
      timing,
    };
    return { sessionId, code: this.room.roomId, round: st.round, game: round.rules, log: round.inputLog, room: facts };
  }
}
