// The authoritative room: seats people and bots, turns messages into intents for the rules,
// steps the rules on a fixed tick, records the input log and syncs what players may see.
// It holds no rule of its own: every decision about the game is made in shared/.
import { type Client, ErrorCode, Room, type RoomException, ServerError } from "@colyseus/core";
import {
  checkIntent,
  createGame,
  type GameState,
  type Intent,
  type LogEntry,
  roundSummary,
  withRecap,
  type RoundSummary,
  stateHash,
} from "../../shared/index.js";
import { recordTick } from "../metrics.js";
import { sanitizeName } from "../names.js";
import { type ErrorMessage, MAX_CLIENTS, MAX_ROUND_SEATS, MSG, PATCH_RATE_HZ, type Stage, type Status } from "../../shared/protocol/index.js";
import { SmolderState } from "../schema/SmolderState.js";
import { FloodGuard } from "../throttle.js";
import { checkIntentMessage } from "../validate.js";
import {
  admit,
  closeForShutdown,
  fillWithBots,
  logRoomFault,
  stopSimulation,
  playTick,
  type Queued,
  recordEntry,
  refuseUnknownMessages,
  seatPlayer,
  sendError,
} from "./authority.js";
import { FixedStep } from "./fixedStep.js";
import { guardFrames } from "./frames.js";
import { QUICK_PLAY_BOT_PACE, readSettings, type RoomSettings } from "./options.js";
import { StateSync } from "./sync.js";

/** What the room remembers about each connection (carried over on reconnect). */
interface Seat {
  seat: number;
  flood: FloodGuard;
}

/** Options set by the server's room definition; they override anything a client sends. */
export interface RoomDefinitionOptions {
  /** Honour room settings (scenario, seed, countdown, tick speed, bots) from the creating client. */
  trustSettings?: boolean;
}

export class SmolderRoom extends Room<SmolderState, unknown, Seat> {
  override maxClients = MAX_CLIENTS;

  private settings!: RoomSettings;
  private game!: GameState;
  private sync!: StateSync;
  private readonly log: LogEntry[] = [];
  private queue: Queued[] = [];
  /** keys[seat]: the player's key in state.players (session id, or "bot-<seat>"). */
  private readonly keys: string[] = [];
  /** Seats whose person dropped and may still come back. */
  private readonly away = new Set<number>();
  /** Seats whose person left after the round ended (the final game state is not touched). */
  private readonly leftAfterEnd = new Set<number>();
  private summary: RoundSummary | null = null;

  override onCreate(options: unknown): void {
    const trusted = (options as RoomDefinitionOptions | undefined)?.trustSettings === true;
    this.settings = readSettings(options, trusted);
    this.game = createGame(this.settings.scenario, this.settings.seed);
    this.state = new SmolderState();
    this.state.scenario = this.settings.scenario.id;
    this.state.tickRate = this.settings.scenario.tickRate;
    this.sync = new StateSync(this.state);
    this.patchRate = 1000 / PATCH_RATE_HZ;

    guardFrames(this);
    this.onMessage(MSG.intent, (client, message: unknown) => this.onIntent(client, message));
    // Any other message type: counted against the flood limit, then refused.
    refuseUnknownMessages(this, (client) => this.admit(client));

    this.state.countdown = this.settings.countdownSeconds;
    if (this.settings.countdownSeconds > 0) {
      const timer = this.clock.setInterval(() => {
        this.state.countdown = Math.max(0, this.state.countdown - 1);
        if (this.state.countdown === 0) {
          timer.clear();
          this.start();
        }
      }, 1000);
    }
    this.publish();
  }

  override onJoin(client: Client<Seat>, options: unknown): void {
    // The round is over; the room only stays open for the results screen of those in it.
    if (this.stageIs("ended")) throw new ServerError(ErrorCode.MATCHMAKE_INVALID_ROOM_ID, "This round is over. Join a new room to play.");
    if (this.game.players.length >= MAX_ROUND_SEATS)
      throw new ServerError(ErrorCode.MATCHMAKE_INVALID_ROOM_ID, "This room has seated as many players as a round can have. Join a new room to play.");
    const name = sanitizeName((options as { name?: unknown } | undefined)?.name);
    const seat = this.seatPlayer(client.sessionId, { name, bot: null });
    // Matchmaking sends nobody else here once the last seat is taken.
    if (this.game.players.length >= MAX_ROUND_SEATS) void this.lock();
    client.userData = { seat, flood: new FloodGuard() };
    // A zero countdown starts the round as soon as the first person is seated.
    if (this.stageIs("countdown") && this.settings.countdownSeconds === 0) this.start();
    this.publish();
  }

  override async onLeave(client: Client<Seat>, consented: boolean): Promise<void> {
    const seat = client.userData?.seat;
    if (seat === undefined) return;
    // After the round the game is final; leaving only changes what others see. A dropped
    // connection may still come back to the results (the summary is sent again).
    if (this.stageIs("ended")) {
      if (consented || client.userData?.flood.disconnected) {
        this.leftAfterEnd.add(seat);
        this.publish();
        return;
      }
      this.away.add(seat);
      this.publish();
      try {
        const back = await this.allowReconnection(client, this.settings.reconnectSeconds);
        if (this.summary) back.send(MSG.summary, this.summary);
      } catch {
        this.leftAfterEnd.add(seat);
      }
      this.away.delete(seat);
      this.publish();
      return;
    }
    this.record({ tick: this.game.tick, seat, leave: true });
    // A client disconnected for flooding is not held a seat to come back to.
    if (consented || client.userData?.flood.disconnected) {
      this.publish();
      return;
    }
    // Dropped: the avatar idles (the rules stop it) while the seat is held for a reconnect.
    this.away.add(seat);
    this.publish();
    try {
      // Messages go to the new connection; the one that dropped is closed for good.
      const back = await this.allowReconnection(client, this.settings.reconnectSeconds);
      this.away.delete(seat);
      if (!this.stageIs("ended")) this.record({ tick: this.game.tick, seat, rejoin: true });
      else if (this.summary) back.send(MSG.summary, this.summary);
    } catch {
      this.away.delete(seat);
    }
    this.publish();
  }

  /** The server is shutting down: everyone is told, then the room closes. */
  override onBeforeShutdown(): void {
    void closeForShutdown(this);
  }

  /** A throw inside a tick or a handler is logged with the room, and the room carries on. */
  override onUncaughtException(error: RoomException<this>, methodName: string): void {
    logRoomFault(this, methodName, error);
  }

  /** The input log so far: replaying it with the same scenario and seed rebuilds this game. */
  get inputLog(): readonly LogEntry[] {
    return this.log;
  }

  get scenarioId(): string {
    return this.settings.scenario.id;
  }

  get seed(): number {
    return this.settings.seed;
  }

  /** The rules' state hash now (tests and the debrief compare it with a replay). */
  hash(): string {
    return stateHash(this.game);
  }

  /** Read-only access to the rules' state for tests and tools; the room alone mutates it. */
  get rules(): Readonly<GameState> {
    return this.game;
  }

  private stageIs(stage: Stage): boolean {
    return this.state.stage === stage;
  }

  /** Seats a person or bot in the rules, logs it, and names its key in the synced state. */
  private seatPlayer(key: string, spec: { name: string; bot: GameState["players"][number]["bot"] }): number {
    return seatPlayer(this.game, this.log, this.keys, key, spec);
  }

  private record(entry: Exclude<LogEntry, { intent: Intent }>): void {
    recordEntry(this.game, this.log, entry);
  }

  /** Ends the countdown: bots take the empty seats and the fixed-step loop begins. */
  private start(): void {
    if (!this.stageIs("countdown")) return;
    const present = this.game.players.filter((p) => p.present).length;
    fillWithBots(this.game, this.log, this.keys, this.settings.seats - present, this.settings.bots, QUICK_PLAY_BOT_PACE);
    this.state.stage = "playing";
    this.state.countdown = 0;
    const loop = new FixedStep(this.settings.tickMs);
    this.setSimulationInterval(
      (delta) => {
        const t0 = performance.now();
        const ticks = loop.advance(delta, () => this.tick());
        if (ticks === 0) return;
        this.publish();
        recordTick((performance.now() - t0) / ticks);
      },
      Math.max(1, Math.min(this.settings.tickMs, 1000 / PATCH_RATE_HZ)),
    );
    this.publish();
  }

  /** One rules tick: queued intents in arrival order, then bots, then the step. */
  private tick(): void {
    if (!this.stageIs("playing")) return;
    const g = this.game;
    const batch = this.queue;
    this.queue = [];
    playTick(g, batch, this.log, (q, error) => this.sendErrorTo(q.sessionId, error));
    if (g.ended) this.finish();
  }

  private finish(): void {
    this.state.stage = "ended";
    stopSimulation(this);
    // Players' results draw the round's value and praise over time from the recap.
    this.summary = withRecap(roundSummary(this.game), this.game);
    void this.lock();
    this.publish();
    // After the patch, so a client reading the summary already sees the ended state.
    this.broadcast(MSG.summary, this.summary, { afterNextPatch: true });
  }

  private onIntent(client: Client<Seat>, message: unknown): void {
    if (!this.admit(client)) return;
    const checked = checkIntentMessage(message);
    if (!checked.ok) return sendError(client, checked.error);
    const seat = client.userData!.seat;
    if (this.stageIs("countdown")) return sendError(client, { code: "not-started", message: "the round has not started yet" });
    if (this.stageIs("ended")) {
      // The rules say why nothing can happen now.
      const verdict = checkIntent(this.game, seat, checked.intent);
      if (!verdict.ok) sendError(client, { code: verdict.code, message: verdict.reason });
      return;
    }
    this.queue.push({ sessionId: client.sessionId, seat, intent: checked.intent });
  }

  private admit(client: Client<Seat>): boolean {
    return admit(this, client, client.userData?.flood);
  }

  private sendErrorTo(sessionId: string, error: ErrorMessage): void {
    const client = this.clients.getById(sessionId);
    if (client) sendError(client, error);
  }

  private statusOf(seat: number, burntOut: boolean): Status {
    const p = this.game.players[seat];
    if (p?.present && !this.leftAfterEnd.has(seat) && !this.away.has(seat)) return burntOut ? "burntOut" : "playing";
    return this.away.has(seat) ? "away" : "left";
  }

  /** Copies the players' view of the rules' state into the synced schema. */
  private publish(): void {
    this.sync.publish(this.game, this.keys, (seat, burntOut) => this.statusOf(seat, burntOut));
  }
}
