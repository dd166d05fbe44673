// What a facilitator's private rooms (a hosted room, a workshop lobby) do the same way: each is
// made from a one-time ticket the HTTP API left in presence, named by a claimed room code, run
// by whoever holds the host secret, and closed once nobody has been in it for a while. Message
// guards, error replies, fault logging and the shutdown notice are the same in both, so they
// are written here once.
import { type AuthContext, type Client, type ClientArray, ErrorCode, Room, type RoomException } from "@colyseus/core";
import { type Checked, type ErrorMessage, MSG, REFUSALS } from "../../shared/protocol/index.js";
import { checkHostSecret, displaceHost } from "../hosting/host-auth.js";
import { hosting } from "../hosting/registry.js";
import { refusal } from "../refusals.js";
import type { FloodGuard } from "../throttle.js";
import { admit, closeForShutdown, logRoomFault, refuseUnknownMessages, sendError } from "./authority.js";
import { guardFrames } from "./frames.js";
import { lastWords } from "./last-words.js";

/** What POST /api/rooms or /api/workshops leaves in presence for the room to pick up. */
export interface PrivateTicket {
  sessionId: string;
  /** sha256 of the host secret, hex. */
  hostHash: string;
  /** Trusted servers only (tests): wall-clock ms per tick and the reconnect window. */
  tickMs?: number;
  reconnectSeconds?: number;
  /** A room brought back after a restart (hosting/restore.ts): its code, and its round comes from its checkpoint. */
  restore?: { code: string };
}

/** A hosted room's ticket; a workshop's team room also carries the team's name and the workshop's code. */
export interface HostedTicket extends PrivateTicket {
  team?: string;
  workshop?: string;
}

/** A workshop lobby's ticket (tickMs and reconnectSeconds are passed on to the team rooms). */
export type WorkshopTicket = PrivateTicket;

/** The connections allowed to command a room: its own console (one at a time) and, in a
 *  workshop's team room, the workshop console's dashboards beside it. */
export class Consoles {
  private own: string | null = null;
  private readonly dashboards = new Set<string>();

  /** A console joins. A dashboard never takes the room's own console away, nor is it taken away
   *  by one; a new own console (another tab, another device) displaces the one before it. */
  take(clients: ClientArray, client: Client, what: string, dashboard = false): void {
    if (dashboard) return void this.dashboards.add(client.sessionId);
    displaceHost(clients, this.own, what);
    this.own = client.sessionId;
  }

  /** A connection leaves: true if it was one of the consoles. */
  drop(sessionId: string): boolean {
    if (this.dashboards.delete(sessionId)) return true;
    if (this.own !== sessionId) return false;
    this.own = null;
    return true;
  }

  has(sessionId: string): boolean {
    return sessionId === this.own || this.dashboards.has(sessionId);
  }

  /** The consoles connected now. */
  connected(clients: ClientArray): Client[] {
    return [this.own, ...this.dashboards].flatMap((id) => (id ? [clients.getById(id)].filter((c): c is Client => c !== undefined) : []));
  }
}

export abstract class PrivateRoom<State extends object, UserData extends { role: string; flood: FloodGuard }, AuthData = unknown> extends Room<
  State,
  unknown,
  UserData,
  AuthData
> {
  /** Not when the last client leaves: see idleSeconds. */
  override autoDispose = false;
  /** An empty room closes after this long. */
  protected abstract readonly idleSeconds: number;
  protected readonly consoles = new Consoles();
  private hostHash = Buffer.alloc(32);
  private idleTimer: { clear(): void } | null = null;

  /**
   * Redeems the ticket the creating request names (once: it is deleted), claims a room code as
   * the room id and makes the room private. Anyone else asking the matchmaker is refused.
   */
  protected async redeemTicket<T extends PrivateTicket>(options: unknown, withoutTicket: string): Promise<T> {
    const ticketId = (options as { ticket?: unknown } | undefined)?.ticket;
    const raw = typeof ticketId === "string" && ticketId.length < 100 ? await this.presence.get(`smolder:ticket:${ticketId}`) : null;
    if (!raw) throw refusal(ErrorCode.MATCHMAKE_UNHANDLED, REFUSALS.badRequest, withoutTicket);
    await this.presence.del(`smolder:ticket:${ticketId}`);
    const ticket = JSON.parse(String(raw)) as T;
    this.hostHash = Buffer.from(ticket.hostHash, "hex");
    // The code is the room id, registered in presence so it stays unique across processes.
    if (ticket.restore) {
      if (!(await hosting.reclaimCode(this.presence, ticket.restore.code)))
        throw refusal(ErrorCode.MATCHMAKE_UNHANDLED, REFUSALS.alreadyOpen, `room ${ticket.restore.code} is already open`, { room: ticket.restore.code });
      this.roomId = ticket.restore.code;
    } else this.roomId = await hosting.claimCode(this.presence);
    await this.setPrivate(true);
    return ticket;
  }

  /** Bad frames contained, and any message type without a handler refused (flood-limited). */
  protected guardMessages(): void {
    guardFrames(this);
    refuseUnknownMessages(this, (client) => this.admit(client));
  }

  /**
   * Handles "host" messages: flood-limited, from a console only (authority first: a forged
   * command learns nothing about what would have been valid), checked, then carried out; a
   * refusal goes back as "bad-command".
   */
  protected onHostCommand<C>(notHost: string, check: (message: unknown) => Checked<C>, run: (command: C, client: Client<UserData>) => string | null): void {
    this.onMessage(MSG.host, (client: Client<UserData>, message: unknown) => {
      if (!this.admit(client)) return;
      if (!this.consoles.has(client.sessionId) || client.userData?.role !== "host") return sendError(client, { code: "not-host", message: notHost });
      const checked = check(message);
      if (!checked.ok) return sendError(client, checked.error);
      const refusal = run(checked.value, client);
      if (refusal) sendError(client, { code: "bad-command", message: refusal });
    });
  }

  /** True when a join presents the host secret and it is right; throws the refusal when it is wrong. */
  protected joinsAsHost(secret: string | undefined, context: AuthContext, what: string): boolean {
    if (secret === undefined) return false;
    checkHostSecret(secret, this.hostHash, context, what);
    return true;
  }

  /** Flood control for this client's messages (see FloodGuard). */
  protected admit(client: Client<UserData>): boolean {
    return admit(this, client, client.userData?.flood);
  }

  protected sendErrorTo(sessionId: string, error: ErrorMessage): void {
    const client = this.clients.getById(sessionId);
    if (client) sendError(client, error);
  }

  /** Closes the room once nobody has been connected for idleSeconds. */
  protected watchIdle(): void {
    this.idleTimer?.clear();
    this.idleTimer = null;
    if (this.clients.length > 0) return;
    this.idleTimer = this.clock.setTimeout(() => void this.disconnect(), this.idleSeconds * 1000);
  }

  /** From onLeave: the leaving client is still counted there, so look once it is gone. */
  protected watchIdleSoon(): void {
    this.clock.setTimeout(() => this.watchIdle(), 0);
  }

  /** The server is shutting down: everyone is told, then the room closes. */
  override onBeforeShutdown(): void {
    void closeForShutdown(this);
  }

  /** Final: the process waits for it before it lets go of Redis and the store (last-words.ts). */
  override onDispose(): Promise<void> {
    return lastWords(this.closeDown());
  }

  /** What the room does as it closes, after its people are gone. */
  protected closeDown(): Promise<void> {
    return hosting.releaseCode(this.presence, this.roomId);
  }

  override onUncaughtException(error: RoomException<this>, methodName: string): void {
    // A refused join (wrong secret, locked room) is an answer to the client, not a fault.
    if (methodName === "onAuth") return;
    logRoomFault(this, methodName, error);
  }
}
