// One way to hold a room and get back after a drop, for every page that holds one: the game and
// the projector (by the seat's reconnection token), the host console, the workshop console and
// its team cards (by the host secret). The room's close codes mean the same on every page: a
// consented leave, a removal, a flood and a server shutting down are not drops, and nothing
// retries them by itself; anything else is a drop, retried with growing waits until the seat
// is no longer held. A page only says, in its own words, what the status means for its reader.
import { FLOODED_CLOSE_CODE, KICKED_CLOSE_CODE, RECONNECT_SECONDS, SERVER_CLOSING_CLOSE_CODE } from "../../shared/protocol/index.js";

/**
 * - connected: a live room.
 * - reconnecting: dropped; trying again (see `attempt`).
 * - lost: gave up: the server did not take us back before the seat was released.
 * - gone: the room no longer exists (it closed while we were away).
 * - kicked: the host removed this connection, or another tab took this console over (4401).
 * - flooded: the server closed a connection that sent far more messages than a person can (4429).
 * - closed: the server running the room shut down; the room closed with it (4503). A restart
 *   with the round written down (4504) is a drop: the room comes back under its code.
 * - left: this page left on purpose (a consented leave), or the server ended the room normally.
 */
export type ConnectionStatus = "connected" | "reconnecting" | "lost" | "gone" | "kicked" | "flooded" | "closed" | "left";

/** Waits before each attempt to get back (ms); the last one repeats. */
export const BACKOFF_MS: readonly number[] = [500, 1000, 2000, 4000, 5000];
/** No attempt starts later than this after a drop: the server holds a dropped seat RECONNECT_SECONDS. */
export const GIVE_UP_MS = RECONNECT_SECONDS * 1000;

/** WebSocket codes of a leave both sides agreed to: 1000 (normal), 4000 (Colyseus' consented leave). */
const CONSENTED_CLOSE_CODES: readonly number[] = [1000, 4000];

/** What a connection needs of a colyseus.js Room (a fake one in tests). */
export interface RoomLike {
  onLeave(callback: (code: number) => void): unknown;
  leave(consented?: boolean): Promise<unknown>;
}

export interface StatusReport {
  status: ConnectionStatus;
  /** While reconnecting: which attempt comes next (1, 2, …); else the attempts made since the drop. */
  attempt: number;
}

export interface ConnectionOptions<R extends RoomLike> {
  /** Gets back in after a drop: with the seat's reconnection token, or with the host secret again. */
  rejoin(previous: R): Promise<R>;
  /** Wires a room's listeners: the first room, and every room after a reconnect (`again`). */
  attach?(room: R, again: boolean): void;
  /** Every change of status, the first "connected" included. */
  onStatus?(report: StatusReport): void;
  /** A rejoin error that means there is nothing to come back to (default: the room is gone). */
  gone?(error: unknown): boolean;
  backoffMs?: readonly number[];
  giveUpMs?: number;
}

/** What a close code means on every page; null for a drop worth retrying. */
export function closeStatus(code: number): ConnectionStatus | null {
  if (CONSENTED_CLOSE_CODES.includes(code)) return "left";
  if (code === KICKED_CLOSE_CODE) return "kicked";
  if (code === FLOODED_CLOSE_CODE) return "flooded";
  if (code === SERVER_CLOSING_CLOSE_CODE) return "closed";
  return null;
}

/** Colyseus' "no such room" (a disposed room, an unknown id), or the server's own "No room with code". */
export function roomIsGone(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 4212 || /No room|not found|disposed/i.test(String(message ?? ""));
}

export class Connection<R extends RoomLike> {
  /** The live room, or null while dropped, after giving up or after a close. */
  room: R | null = null;
  /** The last room held (live or not): what a retry starts from and what a page last showed. */
  latest: R | null = null;
  status: ConnectionStatus = "connected";
  /** Bumped by every leave, replace and retry: a reconnect loop from before stops. */
  private generation = 0;

  constructor(
    room: R,
    private readonly opts: ConnectionOptions<R>,
  ) {
    this.adopt(room, false);
  }

  /** Joins with `join` (its error is the caller's to report) and holds the room from then on. */
  static async open<R extends RoomLike>(join: () => Promise<R>, opts: ConnectionOptions<R>): Promise<Connection<R>> {
    return new Connection(await join(), opts);
  }

  /** Leaves on purpose: nothing retries. */
  async leave(): Promise<void> {
    const room = this.room;
    this.generation++;
    this.room = null;
    this.latest = null;
    this.report("left", 0);
    await room?.leave(true).catch(() => undefined);
  }

  /** Moves to another room (a workshop's lobby to the team's room); the old one is left on purpose. */
  async replace(next: R): Promise<void> {
    const old = this.room;
    this.generation++;
    this.adopt(next, false);
    if (old && old !== next) await old.leave(true).catch(() => undefined);
  }

  /** Tries again now, from the start of the backoff: after giving up, a flood or a takeover, when a person asks. */
  retry(): Promise<void> {
    if (this.room || !this.latest) return Promise.resolve();
    return this.reconnect(this.latest);
  }

  private adopt(room: R, again: boolean): void {
    this.room = room;
    this.latest = room;
    room.onLeave((code) => this.closed(room, code));
    this.opts.attach?.(room, again);
    this.report("connected", 0);
  }

  private closed(room: R, code: number): void {
    // A room this page left or moved away from closes quietly.
    if (this.room !== room) return;
    this.room = null;
    const status = closeStatus(code);
    if (status) {
      this.generation++;
      return this.report(status, 0);
    }
    void this.reconnect(room);
  }

  private async reconnect(previous: R): Promise<void> {
    const generation = ++this.generation;
    const backoff = this.opts.backoffMs ?? BACKOFF_MS;
    const giveUp = this.opts.giveUpMs ?? GIVE_UP_MS;
    const gone = this.opts.gone ?? roomIsGone;
    const start = Date.now();
    let attempt = 0;
    for (;;) {
      const wait = backoff[Math.min(attempt, backoff.length - 1)] ?? 1000;
      if (Date.now() - start + wait > giveUp) return this.report("lost", attempt);
      this.report("reconnecting", attempt + 1);
      await new Promise((resolve) => setTimeout(resolve, wait));
      if (generation !== this.generation) return;
      attempt++;
      try {
        const room = await this.opts.rejoin(previous);
        if (generation !== this.generation) return void room.leave(true).catch(() => undefined);
        return this.adopt(room, true);
      } catch (e) {
        if (generation !== this.generation) return;
        if (gone(e)) return this.report("gone", attempt);
      }
    }
  }

  private report(status: ConnectionStatus, attempt: number): void {
    this.status = status;
    this.opts.onStatus?.({ status, attempt });
  }
}
