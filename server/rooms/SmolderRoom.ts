// The authoritative room: seats people and bots, turns messages into intents for the rules,
// steps the rules on a fixed tick, records the input log and syncs what players may see.
// It holds no rule of its own: every decision about the game is made in shared/.
import { type Client, ErrorCode, Room, type RoomException } from "@colyseus/core";
import { checkIntent, type GameState, type LogEntry } from "../../shared/index.js";
import { sanitizeName } from "../names.js";
import { MAX_CLIENTS, MAX_ROUND_SEATS, MSG, PATCH_RATE_HZ, REFUSALS, type Status } from "../../shared/protocol/index.js";
import { refusal } from "../refusals.js";
import { SmolderState } from "../schema/SmolderState.js";
import { patchCadence } from "../metrics.js";
import { FloodGuard } from "../throttle.js";
import { checkIntentMessage } from "../validate.js";
import { admit, closeForShutdown, logRoomFault, refuseAfterPatch, refuseUnknownMessages, sendError } from "./authority.js";
import { guardFrames } from "./frames.js";
import { QUICK_PLAY_BOT_PACE, readSettings, type RoomSettings } from "./options.js";
import { Round } from "./round.js";

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
  private readonly round = new Round(this, {
    status: (seat, burntOut) => this.statusOf(seat, burntOut),
    refuse: (sessionId, error) => refuseAfterPatch(this, sessionId, error),
    // Nobody else is sent here once the round is over.
    finished: () => void this.lock(),
  });
  /** Seats whose person dropped and may still come back. */
  private readonly away = new Set<number>();
  /** Seats whose person left after the round ended (the final game state is not touched). */
  private readonly leftAfterEnd = new Set<number>();

  override onCreate(options: unknown): void {
    const trusted = (options as RoomDefinitionOptions | undefined)?.trustSettings === true;
    this.settings = readSettings(options, trusted);
    this.state = new SmolderState();
    this.round.reset(this.settings.scenario, this.settings.seed);
    this.patchRate = 1000 / PATCH_RATE_HZ;

    guardFrames(this);
    this.onMessage(MSG.intent, (client, message: unknown) => this.onIntent(client, message));
    // Any other message type: counted against the flood limit, then refused.
    refuseUnknownMessages(this, (client) => this.admit(client));

    this.round.countdown(this.settings.countdownSeconds, () => this.start());
    this.round.publish();
  }

  /** The server's own patch cadence, for the benchmark (metrics.ts). */
  private readonly patched = patchCadence();

  override broadcastPatch(): boolean {
    return this.patched(super.broadcastPatch());
  }

  override onJoin(client: Client<Seat>, options: unknown): void {
    // The round is over; the room only stays open for the results screen of those in it.
    if (this.round.stage() === "ended") throw refusal(ErrorCode.MATCHMAKE_INVALID_ROOM_ID, REFUSALS.roundOver, "This round is over. Join a new room to play.");
    if (this.round.rules.players.length >= MAX_ROUND_SEATS)
      throw refusal(
        ErrorCode.MATCHMAKE_INVALID_ROOM_ID,
        REFUSALS.roundFull,
        "This room has seated as many players as a round can have. Join a new room to play.",
      );
    const name = sanitizeName((options as { name?: unknown } | undefined)?.name);
    const seat = this.round.seat(client.sessionId, { name, bot: null });
    // Matchmaking sends nobody else here once the last seat is taken.
    if (this.round.rules.players.length >= MAX_ROUND_SEATS) void this.lock();
    client.userData = { seat, flood: new FloodGuard() };
    // A zero countdown starts the round as soon as the first person is seated.
    if (this.round.stage() === "countdown" && this.settings.countdownSeconds === 0) this.start();
    this.round.publish();
  }

  override async onLeave(client: Client<Seat>, consented: boolean): Promise<void> {
    const seat = client.userData?.seat;
    if (seat === undefined) return;
    // After the round the game is final; leaving only changes what others see. A dropped
    // connection may still come back to the results (the summary is sent again).
    if (this.round.stage() === "ended") {
      if (consented || client.userData?.flood.disconnected) {
        this.leftAfterEnd.add(seat);
        this.round.publish();
        return;
      }
      this.away.add(seat);
      this.round.publish();
      try {
        const back = await this.allowReconnection(client, this.settings.reconnectSeconds);
        if (this.round.results) back.send(MSG.summary, this.round.results);
      } catch {
        this.leftAfterEnd.add(seat);
      }
      this.away.delete(seat);
      this.round.publish();
      return;
    }
    this.round.record({ tick: this.round.rules.tick, seat, leave: true });
    // A client disconnected for flooding is not held a seat to come back to.
    if (consented || client.userData?.flood.disconnected) {
      this.round.publish();
      return;
    }
    // Dropped: the avatar idles (the rules stop it) while the seat is held for a reconnect.
    this.away.add(seat);
    this.round.publish();
    try {
      // Messages go to the new connection; the one that dropped is closed for good.
      const back = await this.allowReconnection(client, this.settings.reconnectSeconds);
      this.away.delete(seat);
      if (this.round.stage() !== "ended") this.round.record({ tick: this.round.rules.tick, seat, rejoin: true });
      else if (this.round.results) back.send(MSG.summary, this.round.results);
    } catch {
      this.away.delete(seat);
    }
    this.round.publish();
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
    return this.round.inputLog;
  }

  get scenarioId(): string {
    return this.settings.scenario.id;
  }

  get seed(): number {
    return this.settings.seed;
  }

  /** The rules' state hash now (tests and the debrief compare it with a replay). */
  hash(): string {
    return this.round.hash();
  }

  /** Read-only access to the rules' state for tests and tools; the round alone mutates it. */
  get rules(): Readonly<GameState> {
    return this.round.rules;
  }

  /** Ends the countdown: bots take the empty seats and the fixed-step loop begins. */
  private start(): void {
    if (this.round.stage() !== "countdown") return;
    const present = this.round.rules.players.filter((p) => p.present).length;
    this.round.fillWithBots(this.settings.seats - present, this.settings.bots, QUICK_PLAY_BOT_PACE);
    this.round.play(this.settings.tickMs);
  }

  private onIntent(client: Client<Seat>, message: unknown): void {
    if (!this.admit(client)) return;
    const checked = checkIntentMessage(message);
    if (!checked.ok) return sendError(client, checked.error);
    const seat = client.userData!.seat;
    if (this.round.stage() === "countdown") return sendError(client, { code: "not-started", message: "the round has not started yet" });
    if (this.round.stage() === "ended") {
      // The rules say why nothing can happen now.
      const verdict = checkIntent(this.round.rules, seat, checked.value);
      if (!verdict.ok) sendError(client, { code: verdict.code, message: verdict.reason });
      return;
    }
    this.round.enqueue(client.sessionId, seat, checked.value);
  }

  private admit(client: Client<Seat>): boolean {
    return admit(this, client, client.userData?.flood);
  }

  private statusOf(seat: number, burntOut: boolean): Status {
    const p = this.round.rules.players[seat];
    if (p?.present && !this.leftAfterEnd.has(seat) && !this.away.has(seat)) return burntOut ? "burntOut" : "playing";
    return this.away.has(seat) ? "away" : "left";
  }
}
