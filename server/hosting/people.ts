// Everyone in a hosted room besides bots and consoles: players, spectators and screens; who
// holds a seat this round and who is away. The synced state shows them through statusOf (the
// seated) and the watchers map (everyone without a seat).
import type { MapSchema } from "@colyseus/schema";
import { z } from "zod";
import { type ErrorMessage, JOIN_ROLES, MAX_HOSTED_PLAYERS, type Stage, type Status } from "../../shared/protocol/index.js";
import { WatcherState } from "../schema/HostedState.js";
import { FloodGuard } from "../throttle.js";

export type Role = "host" | "player" | "screen";

/** What a connection presents when it joins a hosted room (checked in onAuth). */
export const joinOptionsSchema = z
  .object({
    name: z.unknown().optional(),
    role: z.enum(JOIN_ROLES).optional(),
    hostSecret: z.string().max(128).optional(),
    /** "dashboard": a workshop console's connection, which works beside the room's own console. */
    console: z.enum(["dashboard"]).optional(),
    device: z.string().min(8).max(64).optional(),
  })
  .passthrough();

/** Who a join was let in as. */
export type JoinAuth = { role: Role; dashboard?: boolean };

/** Anyone connected (or briefly away), a console included. */
export interface Person {
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

/** Someone just let in as `role`; `options` are the join options onAuth checked. */
export function newPerson(sessionId: string, role: Role, options: unknown): Person {
  const device = (options as { device?: unknown } | undefined)?.device;
  const person: Person = { sessionId, role, name: "", seat: null, away: false, flood: new FloodGuard() };
  if (typeof device === "string") person.device = device;
  return person;
}

/** Why this person's intent cannot be played now, or null when it can. */
export function whyNotPlay(person: Person, stage: Stage, paused: boolean): ErrorMessage | null {
  if (person.seat === null) {
    const why = person.role === "player" ? "you are watching this round; you get a seat in the next one" : "this connection has no seat";
    return { code: "spectating", message: why };
  }
  if (stage === "lobby" || stage === "countdown") return { code: "not-started", message: "the round has not started yet" };
  if (stage === "ended") return { code: "game-over", message: "the round is over" };
  if (paused) return { code: "paused", message: "the host paused the round" };
  return null;
}

/** The room's people by session id (consoles are not among them). */
export class People extends Map<string, Person> {
  /** Connections the host removed, until they have left. */
  readonly kicked = new Set<string>();
  /** Browsers (device ids) the host removed: out for the room's life (a cleared browser can come back; lock the room for that). */
  readonly banned = new Set<string>();

  /** The host removes `key` (someone in the room): the browser is banned; answers the person. */
  kick(key: string): Person {
    const person = this.get(key)!;
    this.kicked.add(key);
    if (person.device) this.banned.add(person.device);
    return person;
  }

  /** Someone is gone for good. */
  forget(key: string): void {
    this.delete(key);
    this.kicked.delete(key);
  }

  names(): string[] {
    return [...this.values()].map((p) => p.name);
  }

  /** Before the start: every player is seated afresh, in order of arrival, while seats last. */
  reseat(seat: (p: Person) => number): void {
    let seated = 0;
    for (const p of this.values()) {
      p.seat = null;
      if (p.role !== "player" || seated >= MAX_HOSTED_PLAYERS) continue;
      p.seat = seat(p);
      seated++;
    }
  }

  seated(): number {
    let n = 0;
    for (const p of this.values()) if (p.seat !== null) n++;
    return n;
  }

  /** How the seat held by `key` shows: a bot plays on; a person may be away, or gone. */
  statusOf(key: string, burntOut: boolean): Status {
    if (!key.startsWith("bot-")) {
      const person = this.get(key);
      if (!person) return "left";
      if (person.away) return "away";
    }
    return burntOut ? "burntOut" : "playing";
  }

  /** Watchers in the synced state: people without a seat this round, and screens. */
  showWatchers(watchers: MapSchema<WatcherState>): void {
    for (const key of [...watchers.keys()]) {
      const p = this.get(key);
      if (!p || p.seat !== null) watchers.delete(key);
    }
    for (const p of this.values()) {
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
  }
}
