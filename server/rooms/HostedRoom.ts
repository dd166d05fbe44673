// A facilitator's private room: joined by code, run by a host console. Several rounds per
// session, each with its own settings, log and summary; the host starts, pauses, resumes and
// ends rounds, moves to the next phase, kicks, locks and messages everyone. The room maps
// connections to seats and carries out what was decided elsewhere: the round runs in round.ts,
// the host's commands are decided in hosting/host-commands.ts, and the game's rules in shared/.
import { randomInt } from "node:crypto";
import { type AuthContext, type Client, ErrorCode } from "@colyseus/core";
import type { GameState, LogEntry, Scenario } from "../../shared/index.js";
import {
  checkHostCommand,
  KICKED_CLOSE_CODE,
  MAX_HOSTED_CLIENTS,
  MAX_HOSTED_PLAYERS,
  MAX_ROUND_SEATS,
  MSG,
  PATCH_RATE_HZ,
  RECONNECT_SECONDS,
  REFUSALS,
} from "../../shared/protocol/index.js";
import { DEFAULT_ROUND_SETTINGS, type RoundSettings, settingsScenario } from "../../shared/settings.js";
import { DebriefShow } from "../hosting/debrief.js";
import { roundRows, showSettings, TimelineFeed } from "../hosting/feeds.js";
import { applyHostChange, type HostActions } from "../hosting/apply-change.js";
import { decideHostCommand } from "../hosting/host-commands.js";
import { type JoinAuth, joinOptionsSchema, newPerson, People, type Person, whyNotPlay } from "../hosting/people.js";
import { HostedRecovery } from "../hosting/recovery.js";
import { hosting } from "../hosting/registry.js";
import { roomSaver } from "../hosting/round-saver.js";
import { roundRecord, type RoundRecord } from "../hosting/rounds.js";
import { sanitizeName, uniqueName } from "../names.js";
import { refusal } from "../refusals.js";
import { HostedState } from "../schema/HostedState.js";
import { checkIntentMessage } from "../validate.js";
import { refuseAfterPatch, sendError } from "./authority.js";
import { type HostedTicket, PrivateRoom } from "./private-room.js";
import { Round } from "./round.js";

export class HostedRoom extends PrivateRoom<HostedState, Person, JoinAuth> {
  override maxClients = MAX_HOSTED_CLIENTS;
  /** An empty room closes after 15 minutes (the facilitator may close a laptop lid between rounds). */
  protected readonly idleSeconds = 15 * 60;
  private sessionKey = "";
  private tickMs: number | null = null;
  private reconnectSeconds = RECONNECT_SECONDS;
  private settings: RoundSettings = { ...DEFAULT_ROUND_SETTINGS };
  private readonly round: Round = new Round(this, {
    status: (seat, burntOut) => this.people.statusOf(this.round.keyOf(seat) ?? "", burntOut),
    refuse: (sessionId, error) => refuseAfterPatch(this, sessionId, error),
    paused: () => this.state.paused,
    published: () => {
      this.people.showWatchers(this.state.watchers);
      if (this.round.stage() !== "playing") return;
      this.sendTimeline();
      this.recovery.checkpoints.tick(this.round.rules.tick, this.round.rules.scenario.tickRate);
    },
    finished: () => this.keep(),
  });
  private readonly people = new People();
  readonly rounds: RoundRecord[] = [];
  private readonly debrief = new DebriefShow((debrief) => this.broadcast(MSG.debrief, debrief));
  private readonly timeline = new TimelineFeed();
  private readonly saver = roomSaver(this, (record) => hosting.store.saveRound(record));
  private readonly recovery = new HostedRecovery(this, () => ({
    settings: this.settings,
    people: this.people,
    round: this.round,
    sessionId: this.sessionKey,
    timing: { ...(this.tickMs !== null && { tickMs: this.tickMs }), reconnectSeconds: this.reconnectSeconds },
  }));

  /** What a host command may change here (see hosting/apply-change.ts). */
  private readonly hostActions: HostActions = {
    state: () => this.state,
    round: this.round,
    debrief: this.debrief,
    settings: (next) => (this.settings = next ?? this.settings),
    newRound: () => this.newRound(),
    begin: () => this.begin(),
    kick: (key) => this.kick(key),
  };

  override async onCreate(options: unknown): Promise<void> {
    const ticket = await this.redeemTicket<HostedTicket>(options, "hosted rooms are created with POST /api/rooms");
    this.sessionKey = ticket.sessionId;
    this.tickMs = ticket.tickMs ?? null;
    this.reconnectSeconds = ticket.reconnectSeconds ?? RECONNECT_SECONDS;
    this.state = new HostedState();
    this.state.code = this.roomId;
    this.state.team = ticket.team ?? "";
    this.state.workshop = ticket.workshop ?? "";
    // A stored session hosted again carries on after its last round.
    this.rounds.push(...(await hosting.store.listRounds(this.sessionKey)));
    this.state.round = (this.rounds.at(-1)?.round ?? 0) + 1;
    this.patchRate = 1000 / PATCH_RATE_HZ;

    this.guardMessages();
    this.onMessage(MSG.intent, (client, message: unknown) => this.onIntent(client, message));
    this.onHostCommand("only the room's host can do that", checkHostCommand, (cmd) => {
      const { state, round, settings, people, rounds } = this;
      const decision = decideHostCommand({ stage: round.stage(), paused: state.paused, game: round.rules, settings, people, rounds }, cmd);
      if ("refusal" in decision) return decision.refusal;
      applyHostChange(this.hostActions, decision);
      this.round.publish();
      this.recovery.afterCommand();
      return null;
    });
    if (!ticket.restore) this.newRound();
    else await this.recovery.open(this.sessionKey, this.tickMs, { adopt: (s) => (this.settings = s), fresh: () => this.newRound() });
    this.watchIdle();
    // Written down from the start, so a restart brings back a room nobody has played in yet.
    void this.recovery.checkpoints.save();
  }

  override onAuth(_client: Client, options: unknown, context: AuthContext): JoinAuth {
    const parsed = joinOptionsSchema.safeParse(options ?? {});
    if (!parsed.success) throw refusal(ErrorCode.AUTH_FAILED, REFUSALS.badRequest, "bad join options");
    if (this.joinsAsHost(parsed.data.hostSecret, context, "room"))
      return parsed.data.console === "dashboard" ? { role: "host", dashboard: true } : { role: "host" };
    if (parsed.data.device && this.people.banned.has(parsed.data.device))
      throw refusal(ErrorCode.AUTH_FAILED, REFUSALS.removed, "The host removed you from this room.");
    if (this.state.locked) throw refusal(ErrorCode.AUTH_FAILED, REFUSALS.roomLocked, "This room is locked by its host.");
    return { role: parsed.data.role ?? "player" };
  }

  override onJoin(client: Client<Person>, options: unknown, auth?: JoinAuth): void {
    const role = auth?.role ?? "player";
    this.watchIdle();
    const person = newPerson(client.sessionId, role, options);
    client.userData = person;
    if (role === "host") {
      this.consoles.take(this.clients, client, "host console", auth?.dashboard === true);
      this.state.hostOnline = true;
      client.send(MSG.rounds, roundRows(this.rounds));
      this.timeline.whole(client, this.round.rules.timeline, this.state.round);
    } else {
      const name = (options as { name?: unknown } | undefined)?.name;
      // A projector has no name: its role says what it is, and each console names it in its own language.
      person.name = role === "screen" ? "" : uniqueName(sanitizeName(name), this.people.names());
      this.people.set(client.sessionId, person);
      if (role === "player" && !this.recovery.seatReturning(client.sessionId, person, name)) this.seatNewcomer(client, person);
    }
    if (this.debrief.current) client.send(MSG.debrief, this.debrief.current);
    this.round.publish();
  }

  /** A player joining before the start is seated with everyone; during a round, while seats last. */
  private seatNewcomer(client: Client<Person>, person: Person): void {
    const stage = this.round.stage();
    if (stage === "lobby" || stage === "countdown") return this.reseat();
    if (stage !== "playing" || this.people.seated() >= MAX_HOSTED_PLAYERS) return;
    if (this.round.rules.players.length < MAX_ROUND_SEATS) person.seat = this.round.seat(client.sessionId, { name: person.name, bot: null });
    else sendError(client, { code: "room-full", message: "this round has seated as many players as it can; you watch until the next round" });
  }

  override async onLeave(client: Client<Person>, consented: boolean): Promise<void> {
    this.watchIdleSoon();
    const person = client.userData;
    if (!person) return;
    if (person.role === "host") {
      if (!this.consoles.drop(client.sessionId)) return;
      const stage = this.round.stage();
      if (this.consoles.connected(this.clients).length === 0) {
        this.state.hostOnline = false;
        if (this.state.hostDrop === "pause" && (stage === "playing" || stage === "countdown")) this.state.paused = true;
      }
      return this.round.publish();
    }
    if (this.round.stage() === "playing" && person.seat !== null) this.round.record({ tick: this.round.rules.tick, seat: person.seat, leave: true });
    if (consented || this.people.kicked.has(client.sessionId) || person.flood.disconnected) return this.forget(person);
    person.away = true;
    this.round.publish();
    try {
      // Messages go to the new connection; the one that dropped is closed for good.
      const back = await this.allowReconnection(client, this.reconnectSeconds);
      person.away = false;
      const p = person.seat !== null ? this.round.rules.players[person.seat] : undefined;
      if (this.round.stage() === "playing" && p && !p.present) this.round.record({ tick: this.round.rules.tick, seat: person.seat!, rejoin: true });
      if (this.round.stage() === "ended" && this.round.results) back.send(MSG.summary, this.round.results);
      if (this.debrief.current) back.send(MSG.debrief, this.debrief.current);
      this.round.publish();
    } catch {
      this.forget(person);
    }
  }

  /** A deploy or a stop: a round being played is written down first, and everyone told to come back. */
  override onBeforeShutdown(): void {
    void this.recovery.shutdown();
  }

  protected override async closeDown(): Promise<void> {
    await super.closeDown();
    await this.recovery.disposed();
    this.debrief.stop();
    await this.saver.flush();
  }

  // Read-only access for tests, tools and the debrief.
  get inputLog(): readonly LogEntry[] {
    return this.round.inputLog;
  }
  get rules(): Readonly<GameState> {
    return this.round.rules;
  }
  get roundScenario(): Scenario {
    return this.round.scenario;
  }
  get roundSeed(): number {
    return this.round.seed;
  }
  get facilitationSession(): string {
    return this.sessionKey;
  }
  hash(): string {
    return this.round.hash();
  }

  /** Prepares a fresh round from the settings: a new seed (unless the host fixed one), a new game, everyone seated again. */
  private newRound(): void {
    const st = this.state;
    st.stage = "lobby";
    st.countdown = 0;
    st.paused = false;
    showSettings(st, this.settings);
    this.reseat(settingsScenario(this.settings).scenario, this.settings.seed ?? randomInt(0, 0xffffffff));
  }

  /** Before the start nothing has happened yet, so the game is simply rebuilt with whoever is here. */
  private reseat(scenario?: Scenario, seed?: number): void {
    this.round.reset(scenario, seed);
    this.timeline.reset();
    this.people.reseat((p) => this.round.seat(p.sessionId, { name: p.name, bot: null }));
    this.round.publish();
  }

  /** The round begins: away people leave play, bots fill the empty seats, the loop runs. */
  private begin(): void {
    const stage = this.round.stage();
    if (stage !== "lobby" && stage !== "countdown") return;
    for (const p of this.people.values()) if (p.seat !== null && p.away) this.round.record({ tick: 0, seat: p.seat, leave: true });
    this.round.fillWithBots(this.settings.seats - this.people.seated(), this.settings.bots);
    this.round.play(this.tickMs ?? 1000 / this.round.scenario.tickRate);
  }

  /** The round is over: its record is kept and saved, and the consoles get its last seconds and the list. */
  private keep(): void {
    this.state.paused = false;
    const record = roundRecord(this.sessionKey, this.roomId, this.state, this.settings, this.round.played());
    this.rounds.push(record);
    void this.saver.save(record).then(() => this.saver.unsaved.includes(record.round) || this.recovery.roundStored());
    this.sendTimeline();
    for (const host of this.consoles.connected(this.clients)) host.send(MSG.rounds, roundRows(this.rounds));
  }

  private onIntent(client: Client<Person>, message: unknown): void {
    if (!this.admit(client)) return;
    const checked = checkIntentMessage(message);
    if (!checked.ok) return sendError(client, checked.error);
    const person = client.userData!;
    const refusal = whyNotPlay(person, this.round.stage(), this.state.paused);
    if (refusal) return sendError(client, refusal);
    this.round.enqueue(client.sessionId, person.seat!, checked.value);
  }

  /** Someone is gone for good: out of the people list, and out of an unstarted round. */
  private forget(person: Person): void {
    this.people.forget(person.sessionId);
    const stage = this.round.stage();
    if ((stage === "lobby" || stage === "countdown") && person.seat !== null) this.reseat();
    else this.round.publish();
  }

  /** Removed for the room's life: the same browser cannot join again (a cleared browser can; lock the room for that). */
  private kick(key: string): void {
    const person = this.people.kick(key);
    const target = this.clients.getById(key);
    if (!target) return this.forget(person);
    sendError(target, { code: "kicked", message: "the host removed you from the room" });
    target.leave(KICKED_CLOSE_CODE);
  }

  /** The consoles' live charts: the seconds they do not have yet. */
  private sendTimeline(): void {
    this.timeline.update(this.consoles.connected(this.clients), this.round.rules.timeline, this.state.round);
  }
}
