// A player's (or a projector's) connection to the game server: joining, getting back to the
// seat after a drop (on the one policy, connection.ts), and sending intents. Scenes listen to
// it; nothing here knows about Phaser.
import { Client, type Room } from "colyseus.js";
import type { Debrief, Intent, ResultsSummary as RoundSummary } from "../../shared/index.js";
import { type ErrorMessage, MSG, ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH, ROOM_NAME, WORKSHOP_ROOM_NAME } from "../../shared/protocol/index.js";
import { STORAGE } from "../constants.js";
import { Connection, type ConnectionStatus } from "./connection.js";
import { t } from "../i18n/index.js";

export type { ConnectionStatus } from "./connection.js";

/** What people type or read off a projector, tidied: upper case, no spaces or dashes. */
export function tidyCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, "");
}

/** Null when the code looks right; otherwise what is wrong with it, in words. */
export function codeProblem(code: string): string | null {
  if (code.length !== ROOM_CODE_LENGTH) return t("title.codeLength", { n: ROOM_CODE_LENGTH });
  const bad = [...code].find((c) => !ROOM_CODE_ALPHABET.includes(c));
  if (bad) return t("title.codeBadChar", { c: bad });
  return null;
}

/** The code in a /join/CODE or /screen/CODE address, if any. */
export function codeFromPath(prefix: "join" | "screen", path = location.pathname): string {
  const m = new RegExp(`^/${prefix}/([^/]+)/?$`).exec(path);
  return m ? tidyCode(decodeURIComponent(m[1]!)) : "";
}

type Listener<T> = (value: T) => void;

/** Room settings a test page may ask for; the server honours them only when configured to. */
function settingsFromUrl(): Record<string, unknown> {
  const q = new URLSearchParams(location.search);
  const out: Record<string, unknown> = {};
  const scenario = q.get("scenario");
  if (scenario) out.scenario = scenario;
  for (const key of ["seed", "countdownSeconds", "tickMs", "seats", "startPhase"]) {
    const v = q.get(key);
    if (v !== null && v !== "" && Number.isFinite(Number(v))) out[key] = Number(v);
  }
  const bots = q.get("bots");
  if (bots) out.bots = bots.split(",");
  return out;
}

/** The page's own host, except under Vite's dev server, where the game server runs on 2567. */
export function defaultEndpoint(): string {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return import.meta.env.MODE === "development" ? `${scheme}://${location.hostname}:2567` : `${scheme}://${location.host}`;
}

/** This browser's random id, made once and kept (see STORAGE.device). */
function deviceId(): string {
  let id = localStorage.getItem(STORAGE.device);
  if (!id) {
    // getRandomValues, not randomUUID: a classroom server on plain http is not a secure context.
    id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
    localStorage.setItem(STORAGE.device, id);
  }
  return id;
}

export class Session {
  readonly client: Client;
  status: ConnectionStatus = "connected";
  summary: RoundSummary | null = null;
  private link: Connection<Room> | null = null;
  /** How this page last joined a room by its code: after a server restart the seat's token is
   *  worth nothing, and the room, brought back under its code, gives the seat back to this browser. */
  private byCode: { code: string; name: string; role: "player" | "screen" } | null = null;
  private readonly errorListeners = new Set<Listener<ErrorMessage>>();
  private readonly summaryListeners = new Set<Listener<RoundSummary>>();
  private readonly statusListeners = new Set<Listener<ConnectionStatus>>();
  private readonly roomListeners = new Set<Listener<Room>>();
  private readonly debriefListeners = new Set<Listener<Debrief | null>>();
  /** The debrief the host is showing, or null. */
  debrief: Debrief | null = null;

  constructor(endpoint = defaultEndpoint()) {
    this.client = new Client(endpoint);
  }

  /** The room this page holds (its last state stays readable while a drop is retried), or null after leaving. */
  get room(): Room | null {
    return this.link?.latest ?? null;
  }

  get sessionId(): string {
    return this.room?.sessionId ?? "";
  }

  async quickPlay(name: string): Promise<Room> {
    this.summary = null;
    // `?fresh` opens a new public room instead of joining one (tests, or a group that wants
    // a room to itself); anyone can create a room, so it grants nothing.
    const options = { name, ...settingsFromUrl() };
    const fresh = new URLSearchParams(location.search).has("fresh");
    const room = fresh ? await this.client.create(ROOM_NAME, options) : await this.client.joinOrCreate(ROOM_NAME, options);
    return this.hold(room);
  }

  /** Joins a facilitator's private room by its code (as a player; a spectator when the seats are full). */
  async joinByCode(code: string, name: string, role: "player" | "screen" = "player"): Promise<Room> {
    this.summary = null;
    this.byCode = { code: tidyCode(code), name, role };
    return this.hold(await this.client.joinById(tidyCode(code), { name, role, device: deviceId() }));
  }

  /** In a workshop's lobby rather than a game room. */
  get inWorkshop(): boolean {
    return this.room?.name === WORKSHOP_ROOM_NAME;
  }

  /** From a workshop's lobby to the team's room, under the same name (the lobby is left once the team's room has us). */
  async moveToTeam(teamCode: string, name: string): Promise<Room> {
    this.byCode = { code: tidyCode(teamCode), name, role: "player" };
    return this.hold(await this.client.joinById(tidyCode(teamCode), { name, role: "player", device: deviceId() }));
  }

  /** Rejoins the seat this tab held before a reload, if the server still keeps it. */
  async resume(): Promise<Room | null> {
    const token = sessionStorage.getItem(STORAGE.reconnect);
    if (!token) return null;
    try {
      return await this.hold(await this.client.reconnect(token));
    } catch {
      sessionStorage.removeItem(STORAGE.reconnect);
      return null;
    }
  }

  /** Intents sent, by kind (read by browser tests: an eager press must not send twice). */
  readonly sentKinds: Record<string, number> = {};

  send(intent: Intent): void {
    const room = this.link?.room;
    if (!room || this.status !== "connected") return;
    this.sentKinds[intent.kind] = (this.sentKinds[intent.kind] ?? 0) + 1;
    room.send(MSG.intent, intent);
  }

  async leave(): Promise<void> {
    sessionStorage.removeItem(STORAGE.reconnect);
    await this.link?.leave();
  }

  onError(fn: Listener<ErrorMessage>): () => void {
    this.errorListeners.add(fn);
    return () => this.errorListeners.delete(fn);
  }

  onSummary(fn: Listener<RoundSummary>): () => void {
    this.summaryListeners.add(fn);
    return () => this.summaryListeners.delete(fn);
  }

  /** The host showed (or, with null, hid) a debrief. */
  onDebrief(fn: Listener<Debrief | null>): () => void {
    this.debriefListeners.add(fn);
    return () => this.debriefListeners.delete(fn);
  }

  /** A new Room object after a reconnect: scenes move their state listeners to it. */
  onRoom(fn: Listener<Room>): () => void {
    this.roomListeners.add(fn);
    return () => this.roomListeners.delete(fn);
  }

  onStatus(fn: Listener<ConnectionStatus>): () => void {
    this.statusListeners.add(fn);
    return () => this.statusListeners.delete(fn);
  }

  /** Holds `room` from now on; a room held before is left (a person is in one room at a time). */
  private async hold(room: Room): Promise<Room> {
    if (this.link) await this.link.replace(room);
    else
      this.link = new Connection(room, {
        rejoin: (previous) => this.rejoin(previous),
        attach: (r, again) => this.attach(r, again),
        onStatus: ({ status }) => this.setStatus(status),
      });
    return room;
  }

  /** Back in after a drop: with the seat's token; failing that, in a room joined by code, by the code again. */
  private async rejoin(previous: Room): Promise<Room> {
    try {
      return await this.client.reconnect(previous.reconnectionToken);
    } catch (err) {
      const again = this.byCode;
      if (!again || again.code !== previous.roomId) throw err;
      return this.client.joinById(again.code, { name: again.name, role: again.role, device: deviceId() });
    }
  }

  private setStatus(status: ConnectionStatus): void {
    // Nothing to come back to: a reload must not try the seat again.
    if (status !== "connected" && status !== "reconnecting" && status !== "lost") sessionStorage.removeItem(STORAGE.reconnect);
    this.status = status;
    for (const fn of this.statusListeners) fn(status);
  }

  private attach(room: Room, again: boolean): void {
    sessionStorage.setItem(STORAGE.reconnect, room.reconnectionToken);
    room.onMessage(MSG.error, (e: ErrorMessage) => this.errorListeners.forEach((fn) => fn(e)));
    room.onMessage(MSG.summary, (s: RoundSummary) => {
      this.summary = s;
      this.summaryListeners.forEach((fn) => fn(s));
    });
    room.onMessage(MSG.debrief, (d: Debrief | null) => {
      this.debrief = d;
      this.debriefListeners.forEach((fn) => fn(d));
    });
    if (again) this.roomListeners.forEach((fn) => fn(room));
  }
}
