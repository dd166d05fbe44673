// A facilitator's private room: joined by code, run by a host console. Several rounds per
// session, each with its own settings, log and summary; the host starts, pauses, resumes and
// ends rounds, moves to the next phase, kicks, locks and messages everyone. Like the quick-
// play room it holds no rule of its own: every game decision is made in shared/.
import { randomInt } from "node:crypto";
import { type AuthContext, type Client, ErrorCode, Room, type RoomException, ServerError } from "@colyseus/core";
import { z } from "zod";
import {
  type BotKind,
  createGame,
  type Customisation,
  type Debrief,
  customise,
  EFFORTS,
  type GameState,
  getScenario,
  type Intent,
  roundSummary,
  withRecap,
  type RoundSummary,
  type Scenario,
  type WhatIfSpec,
  stateHash,
} from "../../shared/index.js";
import { checkHostSecret, displaceHost } from "../hosting/host-auth.js";
import { computeWhatIf, debriefOf, whatIfProblem } from "../hosting/debrief.js";
import { checkHostCommand, cleanMessage, type HostCommand, type RoundSettingsInput } from "../hosting/commands.js";
import { hosting } from "../hosting/registry.js";
import { log } from "../log.js";
import { recordTick } from "../metrics.js";
import { RoundSaver, unsavedText } from "../hosting/round-saver.js";
import { type RoomLogEntry, type RoundRecord } from "../hosting/rounds.js";
import { sanitizeName, uniqueName } from "../names.js";
import {
  type BoardMode,
  type ErrorMessage,
  type HostDropMode,
  JOIN_ROLES,
  KICKED_CLOSE_CODE,
  MAX_HOSTED_CLIENTS,
  MAX_HOSTED_PLAYERS,
  MAX_ROUND_SEATS,
  MSG,
  PATCH_RATE_HZ,
  RECONNECT_SECONDS,
  type Stage,
  type Status,
} from "../../shared/protocol/index.js";
import { HostedState, WatcherState } from "../schema/HostedState.js";
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
import { StateSync } from "./sync.js";

/** An empty hosted room closes after this long (the facilitator may close a laptop lid between rounds). */
export const HOSTED_IDLE_SECONDS = 15 * 60;

/** Default countdown when the host starts a round without naming one. */
export const HOSTED_COUNTDOWN_SECONDS = 5;

type Role = "host" | "player" | "screen";

/** Everyone connected (or briefly away) besides bots. */
interface Person {
  sessionId: string;
  role: Role;
  name: string;
  /** Seat in the current round's game, or null (spectator, screen, host, or joined after the start of a full round). */
  seat: number | null;
  away: boolean;
  flood: FloodGuard;
  /** The browser's own random id (localStorage), so someone the host removed stays out. */
  device?: string;
}

/** The host's choices for the next round. */
interface RoundSettings {
  scenarioId: string;
  customisation: Customisation;
  seats: number;
  bots: BotKind[];
  seed: number | null;
}

/** What POST /api/rooms leaves in presence for the room to pick up (the ticket's value). */
export interface HostedTicket {
  sessionId: string;
  /** sha256 of the host secret, hex. */
  hostHash: string;
  /** Trusted servers only (tests): wall-clock ms per tick and the reconnect window. */
  tickMs?: number;
  reconnectSeconds?: number;
  /** A workshop's team room: the team's name and the workshop's code. */
  team?: string;
  workshop?: string;
}

const joinOptionsSchema = z
  .object({
    name: z.unknown().optional(),
    role: z.enum(JOIN_ROLES).optional(),
    hostSecret: z.string().max(128).optional(),
    /** "dashboard": a workshop console's connection, which works beside the room's own console. */
    console: z.enum(["dashboard"]).optional(),
    device: z.string().min(8).max(64).optional(),
  })
  .passthrough();

const DEFAULT_SETTINGS: RoundSettings = { scenarioId: "classic", customisation: {}, seats: 4, bots: ["balanced", "hero", "preventer"], seed: null };

export class HostedRoom extends Room<HostedState, unknown, Person, { role: Role; dashboard?: boolean }> {
  override maxClients = MAX_HOSTED_CLIENTS;
  /** Not when the last client leaves: see emptySince / HOSTED_IDLE_SECONDS. */
  override autoDispose = false;
  private idleTimer: { clear(): void } | null = null;

  private sessionKey = "";
  private hostHash = Buffer.alloc(32);
  private tickMs: number | null = null;
  private reconnectSeconds = RECONNECT_SECONDS;

  private settings: RoundSettings = { ...DEFAULT_SETTINGS };
  private scenario!: Scenario;
  private seed = 0;
  private game!: GameState;
  private sync!: StateSync;
  private log: RoomLogEntry[] = [];
  private queue: Queued[] = [];
  private keys: string[] = [];
  private summary: RoundSummary | null = null;
  private startedAt = 0;
  private loop: FixedStep | null = null;
  private countdownTimer: { clear(): void } | null = null;
  private sentTimeline = 0;
  /** "time", "collapse" or "host" once the round has ended. */
  private endReason = "";

  private readonly people = new Map<string, Person>();
  private hostSessionId: string | null = null;
  private readonly dashboards = new Set<string>();
  private readonly kicked = new Set<string>();
  /** Browsers (device ids) the host removed. */
  private readonly banned = new Set<string>();
  readonly rounds: RoundRecord[] = [];
  /** What the debrief screens show now (sent to late joiners too), and a what-if in progress. */
  private debrief: Debrief | null = null;
  private cancelWhatIf: (() => void) | null = null;
  private readonly saver = new RoundSaver({
    save: (record) => hosting.store.saveRound(record),
    changed: (unsaved) => (this.state.unsaved = unsavedText(unsaved)),
    failed: (round, attempt, err) =>
      log.error({ event: "round-save-failed", room: this.roomId, session: this.sessionKey, round, attempt, err }, "round-save-failed (retrying)"),
    recovered: (round, attempts) => log.info({ event: "round-saved", room: this.roomId, round, attempts }, "round-saved after retrying"),
    later: (fn, ms) => this.clock.setTimeout(fn, ms),
  });

  override async onCreate(options: unknown): Promise<void> {
    const ticketId = (options as { ticket?: unknown } | undefined)?.ticket;
    const raw = typeof ticketId === "string" && ticketId.length < 100 ? await this.presence.get(`smolder:ticket:${ticketId}`) : null;
    if (!raw) throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, "hosted rooms are created with POST /api/rooms");
    await this.presence.del(`smolder:ticket:${ticketId}`);
    const ticket = JSON.parse(String(raw)) as HostedTicket;
    this.sessionKey = ticket.sessionId;
    this.hostHash = Buffer.from(ticket.hostHash, "hex");
    this.tickMs = ticket.tickMs ?? null;
    this.reconnectSeconds = ticket.reconnectSeconds ?? RECONNECT_SECONDS;

    // The code is the room id, registered in presence so it stays unique across processes.
    this.roomId = await hosting.claimCode(this.presence);
    await this.setPrivate(true);

    this.state = new HostedState();
    this.state.code = this.roomId;
    this.state.team = ticket.team ?? "";
    this.state.workshop = ticket.workshop ?? "";
    this.state.stage = "lobby";
    // A stored session hosted again carries on after its last round.
    this.rounds.push(...(await hosting.store.listRounds(this.sessionKey)));
    this.state.round = (this.rounds.at(-1)?.round ?? 0) + 1;
    this.patchRate = 1000 / PATCH_RATE_HZ;

    guardFrames(this);
    this.onMessage(MSG.intent, (client, message: unknown) => this.onIntent(client, message));
    this.onMessage(MSG.host, (client, message: unknown) => this.onHost(client, message));
    refuseUnknownMessages(this, (client) => this.admit(client));
    this.newRound();
    this.watchIdle();
  }

  /** Closes the room once nobody has been connected for HOSTED_IDLE_SECONDS. */
  private watchIdle(): void {
    this.idleTimer?.clear();
    this.idleTimer = null;
    if (this.clients.length > 0) return;
    this.idleTimer = this.clock.setTimeout(() => void this.disconnect(), HOSTED_IDLE_SECONDS * 1000);
  }

  override onAuth(_client: Client, options: unknown, context: AuthContext): { role: Role; dashboard?: boolean } {
    const parsed = joinOptionsSchema.safeParse(options ?? {});
    if (!parsed.success) throw new ServerError(ErrorCode.AUTH_FAILED, "bad join options");
    if (parsed.data.hostSecret !== undefined) {
      checkHostSecret(parsed.data.hostSecret, this.hostHash, context, "room");
      return parsed.data.console === "dashboard" ? { role: "host", dashboard: true } : { role: "host" };
    }
    if (parsed.data.device && this.banned.has(parsed.data.device)) throw new ServerError(ErrorCode.AUTH_FAILED, "The host removed you from this room.");
    if (this.state.locked) throw new ServerError(ErrorCode.AUTH_FAILED, "This room is locked by its host.");
    return { role: parsed.data.role ?? "player" };
  }

  override onJoin(client: Client<Person>, options: unknown, auth?: { role: Role; dashboard?: boolean }): void {
    const role = auth?.role ?? "player";
    this.watchIdle();
    const device = (options as { device?: unknown } | undefined)?.device;
    const person: Person = {
      sessionId: client.sessionId,
      role,
      name: "",
      seat: null,
      away: false,
      flood: new FloodGuard(),
      ...(typeof device === "string" ? { device } : {}),
    };
    client.userData = person;
    if (role === "host") {
      // A workshop dashboard never takes the room's own console away, nor is it taken away by one.
      if (auth?.dashboard) this.dashboards.add(client.sessionId);
      else {
        displaceHost(this.clients, this.hostSessionId, "host console");
        this.hostSessionId = client.sessionId;
      }
      this.state.hostOnline = true;
      this.sendRounds(client);
      this.sendTimeline(client);
      if (this.debrief) client.send(MSG.debrief, this.debrief);
      this.publish();
      return;
    }
    person.name =
      role === "screen"
        ? "Screen"
        : uniqueName(
            sanitizeName((options as { name?: unknown } | undefined)?.name),
            [...this.people.values()].map((p) => p.name),
          );
    this.people.set(client.sessionId, person);
    if (role === "player") {
      if (this.preStart()) this.reseat();
      else if (this.stageIs("playing") && this.seatedPeople() < MAX_HOSTED_PLAYERS) {
        if (this.game.players.length < MAX_ROUND_SEATS) person.seat = this.seatPlayer(client.sessionId, { name: person.name, bot: null });
        else sendError(client, { code: "room-full", message: "this round has seated as many players as it can; you watch until the next round" });
      }
    }
    if (this.debrief) client.send(MSG.debrief, this.debrief);
    this.publish();
  }

  override async onLeave(client: Client<Person>, consented: boolean): Promise<void> {
    // The leaving client is still counted here; look again once it is gone.
    this.clock.setTimeout(() => this.watchIdle(), 0);
    const person = client.userData;
    if (!person) return;
    if (person.role === "host") {
      if (!this.dashboards.delete(client.sessionId)) {
        if (this.hostSessionId !== client.sessionId) return;
        this.hostSessionId = null;
      }
      if (this.hostConsoles().length > 0) return this.publish();
      this.state.hostOnline = false;
      if (this.state.hostDrop === "pause" && (this.stageIs("playing") || this.stageIs("countdown"))) this.state.paused = true;
      this.publish();
      return;
    }
    const inPlay = this.stageIs("playing") && person.seat !== null;
    if (inPlay) this.record({ tick: this.game.tick, seat: person.seat!, leave: true });
    if (consented || this.kicked.has(client.sessionId) || person.flood.disconnected) return this.forget(person);
    person.away = true;
    this.publish();
    try {
      // Messages go to the new connection; the one that dropped is closed for good.
      const back = await this.allowReconnection(client, this.reconnectSeconds);
      person.away = false;
      const p = person.seat !== null ? this.game.players[person.seat] : undefined;
      if (this.stageIs("playing") && p && !p.present) this.record({ tick: this.game.tick, seat: person.seat!, rejoin: true });
      if (this.stageIs("ended") && this.summary) back.send(MSG.summary, withRecap(this.summary, this.game));
      if (this.debrief) back.send(MSG.debrief, this.debrief);
      this.publish();
    } catch {
      this.forget(person);
    }
  }

  /** The server is shutting down: everyone is told, then the room closes. */
  override onBeforeShutdown(): void {
    void closeForShutdown(this);
  }

  override async onDispose(): Promise<void> {
    hosting.releaseCode(this.presence, this.roomId);
    this.cancelWhatIf?.();
    const lost = await this.saver.flush();
    if (lost.length > 0)
      log.error(
        { event: "rounds-lost", room: this.roomId, session: this.sessionKey, rounds: lost },
        "rounds-lost: the room closed before the store accepted them",
      );
  }

  override onUncaughtException(error: RoomException<this>, methodName: string): void {
    // A refused join (wrong secret, locked room) is an answer to the client, not a fault.
    if (methodName === "onAuth") return;
    logRoomFault(this, methodName, error);
  }

  // ---- read-only access for tests, tools and the debrief ----

  get inputLog(): readonly RoomLogEntry[] {
    return this.log;
  }
  get rules(): Readonly<GameState> {
    return this.game;
  }
  get roundScenario(): Scenario {
    return this.scenario;
  }
  get roundSeed(): number {
    return this.seed;
  }
  get facilitationSession(): string {
    return this.sessionKey;
  }
  hash(): string {
    return stateHash(this.game);
  }

  // ---- rounds ----

  private stageIs(stage: Stage): boolean {
    return this.state.stage === stage;
  }

  private preStart(): boolean {
    return this.stageIs("lobby") || this.stageIs("countdown");
  }

  private seatedPeople(): number {
    let n = 0;
    for (const p of this.people.values()) if (p.seat !== null) n++;
    return n;
  }

  /** Prepares a fresh round from the settings: a new seed (unless the host fixed one), a new game, everyone seated again. */
  private newRound(): void {
    const base = getScenario(this.settings.scenarioId)!;
    const custom = customise(base, this.settings.customisation);
    // Settings are checked with customise() when the host sets them; this cannot fail.
    this.scenario = custom.ok ? custom.scenario : base;
    this.seed = this.settings.seed ?? randomInt(0, 0xffffffff);
    this.summary = null;
    this.endReason = "";
    this.state.stage = "lobby";
    this.state.countdown = 0;
    this.state.paused = false;
    this.state.ended = "";
    this.state.scenario = base.id;
    this.state.tickRate = this.scenario.tickRate;
    this.showSettings();
    this.reseat();
  }

  /** Copies the host's choices for the next round into the synced state. */
  private showSettings(): void {
    const base = getScenario(this.settings.scenarioId)!;
    const custom = customise(base, this.settings.customisation);
    const sc = custom.ok ? custom.scenario : base;
    const c = this.settings.customisation;
    const st = this.state;
    st.nextScenario = base.id;
    st.scenarioName = base.name;
    st.duration = sc.durationSeconds;
    st.exponentHalves = sc.ignition.exponentHalves;
    st.spreadPct = c.spreadPct ?? 100;
    st.startPhase = c.startPhase ?? 0;
    st.seats = this.settings.seats;
  }

  /** Before the start nothing has happened yet, so the game is simply rebuilt with whoever is here. */
  private reseat(): void {
    this.game = createGame(this.scenario, this.seed);
    this.log = [];
    this.queue = [];
    this.keys = [];
    this.sentTimeline = 0;
    this.resetSync();
    let seated = 0;
    for (const person of this.people.values()) {
      person.seat = null;
      if (person.role !== "player" || seated >= MAX_HOSTED_PLAYERS) continue;
      person.seat = this.seatPlayer(person.sessionId, { name: person.name, bot: null });
      seated++;
    }
    this.publish();
  }

  private resetSync(): void {
    const st = this.state;
    st.players.clear();
    st.leaderboard.clear();
    for (const arr of [st.heat, st.guard, st.dust, st.risk, st.embers, st.leverage]) arr.clear();
    this.sync = new StateSync(st);
  }

  private seatPlayer(key: string, spec: { name: string; bot: BotKind | null }): number {
    return seatPlayer(this.game, this.log, this.keys, key, spec);
  }

  private record(entry: Exclude<RoomLogEntry, { intent: Intent }>): void {
    recordEntry(this.game, this.log, entry);
  }

  private startCountdown(seconds: number): void {
    this.hideDebrief();
    if (seconds === 0) return this.begin();
    this.state.stage = "countdown";
    this.state.countdown = seconds;
    const timer = this.clock.setInterval(() => {
      if (this.state.paused) return;
      this.state.countdown = Math.max(0, this.state.countdown - 1);
      if (this.state.countdown === 0) {
        timer.clear();
        this.countdownTimer = null;
        this.begin();
      }
    }, 1000);
    this.countdownTimer = timer;
    this.publish();
  }

  /** The round begins: bots fill the empty seats, away people leave play, the loop runs. */
  private begin(): void {
    if (!this.preStart()) return;
    for (const person of this.people.values()) if (person.seat !== null && person.away) this.record({ tick: 0, seat: person.seat, leave: true });
    const present = this.seatedPeople();
    fillWithBots(this.game, this.log, this.keys, this.settings.seats - present, this.settings.bots);
    this.state.stage = "playing";
    this.state.countdown = 0;
    this.startedAt = Date.now();
    const tickMs = this.tickMs ?? 1000 / this.scenario.tickRate;
    this.loop = new FixedStep(tickMs);
    this.setSimulationInterval(
      (delta) => {
        // Paused: no ticks run and no time is owed; the loop starts afresh on resume.
        if (this.state.paused || !this.loop) return;
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

  private tick(): void {
    if (!this.stageIs("playing") || this.state.paused) return;
    const g = this.game;
    const batch = this.queue;
    this.queue = [];
    playTick(g, batch, this.log, (q, error) => this.sendErrorTo(q.sessionId, error));
    if (g.ended) this.finish(g.ended);
  }

  /** Ends the round (time, collapse, or the host), keeps its record and tells everyone. */
  private finish(reason: string): void {
    stopSimulation(this);
    this.loop = null;
    this.queue = [];
    this.state.stage = "ended";
    this.state.paused = false;
    this.summary = roundSummary(this.game);
    const record: RoundRecord = {
      sessionId: this.sessionKey,
      code: this.roomId,
      round: this.state.round,
      scenarioId: this.settings.scenarioId,
      customisation: { ...this.settings.customisation },
      scenario: this.scenario,
      seed: this.seed,
      seats: this.settings.seats,
      board: this.state.board as BoardMode,
      log: this.log,
      ended: reason,
      ticks: this.game.tick,
      hash: stateHash(this.game),
      summary: this.summary,
      timeline: this.game.timeline,
      startedAt: this.startedAt,
      endedAt: Date.now(),
    };
    this.rounds.push(record);
    void this.saver.save(record);
    this.endReason = reason;
    this.publish();
    this.sendTimeline();
    // The stored record keeps the plain summary; players also get the recap for their results.
    this.broadcast(MSG.summary, withRecap(this.summary, this.game), { afterNextPatch: true });
    for (const host of this.hostConsoles()) this.sendRounds(host);
  }

  // ---- messages ----

  private onIntent(client: Client<Person>, message: unknown): void {
    if (!this.admit(client)) return;
    const checked = checkIntentMessage(message);
    if (!checked.ok) return sendError(client, checked.error);
    const person = client.userData!;
    if (person.seat === null)
      return sendError(client, {
        code: "spectating",
        message: person.role === "player" ? "you are watching this round; you get a seat in the next one" : "this connection has no seat",
      });
    if (this.preStart()) return sendError(client, { code: "not-started", message: "the round has not started yet" });
    if (this.stageIs("ended")) return sendError(client, { code: "game-over", message: "the round is over" });
    if (this.state.paused) return sendError(client, { code: "paused", message: "the host paused the round" });
    this.queue.push({ sessionId: client.sessionId, seat: person.seat, intent: checked.intent });
  }

  private onHost(client: Client<Person>, message: unknown): void {
    if (!this.admit(client)) return;
    // Authority first: a forged command learns nothing about what would have been valid.
    if (!this.isConsole(client.sessionId) || client.userData?.role !== "host")
      return sendError(client, { code: "not-host", message: "only the room's host can do that" });
    const checked = checkHostCommand(message);
    if (!checked.ok) return sendError(client, checked.error);
    const refusal = this.command(checked.command);
    if (refusal) sendError(client, { code: "bad-command", message: refusal });
    else this.publish();
  }

  /** Carries out a host command; returns why not, or null when done. */
  private command(cmd: HostCommand): string | null {
    const st = this.state;
    switch (cmd.command) {
      case "settings": {
        if (!this.stageIs("lobby") && !this.stageIs("ended")) return "settings can change between rounds only";
        return this.applySettings(cmd);
      }
      case "start":
        if (!this.stageIs("lobby")) return "a round can start from the lobby only";
        this.startCountdown(cmd.countdownSeconds ?? HOSTED_COUNTDOWN_SECONDS);
        return null;
      case "cancel":
        if (!this.stageIs("countdown")) return "no countdown is running";
        this.countdownTimer?.clear();
        this.countdownTimer = null;
        st.stage = "lobby";
        st.countdown = 0;
        st.paused = false;
        return null;
      case "pause":
        if (!this.stageIs("playing") && !this.stageIs("countdown")) return "no round is running";
        if (st.paused) return "already paused";
        st.paused = true;
        return null;
      case "resume":
        if (!st.paused) return "not paused";
        st.paused = false;
        if (this.loop) this.loop = new FixedStep(this.loop.stepMs);
        return null;
      case "end":
        if (!this.stageIs("playing")) return "no round is being played";
        this.finish("host");
        return null;
      case "nextPhase": {
        if (!this.stageIs("playing")) return "no round is being played";
        const next = this.game.phase + 1;
        if (!this.scenario.phases[next]) return "already in the last phase";
        this.record({ tick: this.game.tick, seat: -1, phase: next });
        return null;
      }
      case "message":
        st.message = cleanMessage(cmd.text);
        return null;
      case "nextRound":
        if (!this.stageIs("ended")) return "the current round has not ended";
        st.round += 1;
        this.newRound();
        return null;
      case "kick": {
        const target = this.clients.getById(cmd.key);
        const person = this.people.get(cmd.key);
        if (!person) return "nobody with that key is in the room";
        this.kicked.add(cmd.key);
        // Removed for the room's life: the same browser cannot join again (a cleared browser can; lock the room for that).
        if (person.device) this.banned.add(person.device);
        if (target) {
          sendError(target, { code: "kicked", message: "the host removed you from the room" });
          target.leave(KICKED_CLOSE_CODE);
        } else this.forget(person);
        return null;
      }
      case "lock":
        st.locked = true;
        return null;
      case "unlock":
        st.locked = false;
        return null;
      case "board":
        st.board = cmd.mode;
        return null;
      case "hostDrop":
        st.hostDrop = cmd.then satisfies HostDropMode;
        return null;
      case "debrief":
        return this.showDebrief(cmd.rounds, cmd.whatIf);
    }
  }

  /** Pushes a debrief to every screen (or hides it); a what-if follows once computed. */
  private showDebrief(rounds: number[], whatIf: (WhatIfSpec & { round: number }) | undefined): string | null {
    if (!this.stageIs("lobby") && !this.stageIs("ended")) return "the debrief is shown between rounds";
    this.cancelWhatIf?.();
    this.cancelWhatIf = null;
    if (rounds.length === 0) {
      this.debrief = null;
      this.broadcast(MSG.debrief, null);
      return null;
    }
    const debrief = debriefOf(this.rounds, rounds);
    if (typeof debrief === "string") return debrief;
    if (whatIf) {
      const record = this.rounds.find((r) => r.round === whatIf.round);
      const problem = whatIfProblem(record, whatIf);
      if (problem) return problem;
      this.cancelWhatIf = computeWhatIf(record!, { fromSecond: whatIf.fromSecond, team: whatIf.team }, (w) => {
        this.cancelWhatIf = null;
        if (this.debrief !== debrief) return;
        debrief.whatIf = w;
        this.broadcast(MSG.debrief, debrief);
      });
    }
    this.debrief = debrief;
    this.broadcast(MSG.debrief, debrief);
    return null;
  }

  private hideDebrief(): void {
    if (!this.debrief) return;
    this.cancelWhatIf?.();
    this.cancelWhatIf = null;
    this.debrief = null;
    this.broadcast(MSG.debrief, null);
  }

  private applySettings(input: RoundSettingsInput): string | null {
    const scenarioId = input.scenario ?? this.settings.scenarioId;
    const base = getScenario(scenarioId);
    if (!base) return `unknown scenario "${scenarioId}"`;
    const changedScenario = scenarioId !== this.settings.scenarioId;
    // A new scenario starts from its own defaults; otherwise the earlier choices carry over.
    const prev: Customisation = changedScenario ? {} : this.settings.customisation;
    const customisation: Customisation = { ...prev };
    if (input.durationSeconds !== undefined) customisation.durationSeconds = input.durationSeconds;
    if (input.exponentHalves !== undefined) customisation.exponentHalves = input.exponentHalves;
    if (input.spreadPct !== undefined) customisation.spreadPct = input.spreadPct;
    if (input.startPhase !== undefined) customisation.startPhase = input.startPhase;
    if (input.startPhase !== undefined && changedScenario === false && input.durationSeconds === undefined) delete customisation.durationSeconds;
    const check = customise(base, customisation);
    if (!check.ok) return check.error;
    this.settings = {
      scenarioId,
      customisation,
      seats: input.seats ?? (changedScenario ? Math.min(MAX_HOSTED_PLAYERS, base.teamSize) : this.settings.seats),
      bots: input.bots ?? this.settings.bots,
      seed: input.seed ?? this.settings.seed,
    };
    if (input.board) this.state.board = input.board;
    // In the lobby the map on every screen follows the choice at once; after a round it waits for "nextRound".
    if (this.stageIs("lobby")) this.newRound();
    else this.showSettings();
    return null;
  }

  // ---- people ----

  /** Someone is gone for good: out of the people list, and out of an unstarted round. */
  private forget(person: Person): void {
    this.people.delete(person.sessionId);
    this.kicked.delete(person.sessionId);
    if (this.preStart() && person.seat !== null) this.reseat();
    else this.publish();
  }

  private isConsole(sessionId: string): boolean {
    return sessionId === this.hostSessionId || this.dashboards.has(sessionId);
  }

  /** Every connection allowed to command the room: its own console and any workshop dashboards. */
  private hostConsoles(): Client[] {
    return [this.hostSessionId, ...this.dashboards].flatMap((id) => (id ? [this.clients.getById(id)].filter((c): c is Client => c !== undefined) : []));
  }

  private admit(client: Client<Person>): boolean {
    return admit(this, client, client.userData?.flood);
  }

  private sendErrorTo(sessionId: string, error: ErrorMessage): void {
    const client = this.clients.getById(sessionId);
    if (client) sendError(client, error);
  }

  /**
   * The consoles' live charts: the samples not sent yet to every console, or the whole round so
   * far to one console that just joined (the others already have it).
   */
  private sendTimeline(to?: Client): void {
    const t = this.game.timeline;
    const consoles = to ? [to] : this.hostConsoles();
    const from = to ? 0 : this.sentTimeline;
    if (!to) this.sentTimeline = t.fires.length;
    if (consoles.length === 0 || (!to && from >= t.fires.length)) return;
    const n = EFFORTS.length;
    const effort: number[] = [];
    for (let sec = from; sec < t.fires.length; sec++)
      for (let e = 0; e < n; e++) {
        let sum = 0;
        for (const seat of t.effort) sum += seat[sec * n + e] ?? 0;
        effort.push(sum);
      }
    const message = {
      round: this.state.round,
      from,
      fires: t.fires.slice(from),
      risk: t.risk.slice(from),
      value: t.value.slice(from),
      praise: t.praise.slice(from),
      effort,
      efforts: EFFORTS,
    };
    for (const host of consoles) host.send(MSG.timeline, message);
  }

  private sendRounds(client: Client): void {
    client.send(
      MSG.rounds,
      this.rounds.map((r) => ({
        round: r.round,
        scenario: r.scenarioId,
        customisation: r.customisation,
        seed: r.seed,
        ended: r.ended,
        seconds: Math.floor(r.ticks / r.scenario.tickRate),
        value: r.summary.value,
        hash: r.hash,
        players: r.summary.players.map((p) => ({ name: p.name, bot: p.bot, praise: p.praise, net: p.net })),
      })),
    );
  }

  private statusOf(seat: number, burntOut: boolean): Status {
    const key = this.keys[seat] ?? "";
    if (key.startsWith("bot-")) return burntOut ? "burntOut" : "playing";
    const person = this.people.get(key);
    if (!person) return "left";
    if (person.away) return "away";
    return burntOut ? "burntOut" : "playing";
  }

  private publish(): void {
    this.sync.publish(this.game, this.keys, (seat, burntOut) => this.statusOf(seat, burntOut));
    // The rules know "time" and "collapse"; a round the host ended says so.
    this.state.ended = this.stageIs("ended") ? this.endReason : "";
    // Watchers: people without a seat this round, and screens.
    const watchers = this.state.watchers;
    for (const key of [...watchers.keys()]) {
      const p = this.people.get(key);
      if (!p || p.seat !== null) watchers.delete(key);
    }
    for (const p of this.people.values()) {
      if (p.seat !== null) continue;
      let w = watchers.get(p.sessionId);
      if (!w) {
        w = new WatcherState();
        w.name = p.name;
        w.role = p.role === "screen" ? "screen" : "spectator";
        watchers.set(p.sessionId, w);
      }
      w.status = p.away ? "away" : "watching";
    }
    if (this.stageIs("playing")) this.sendTimeline();
  }
}
