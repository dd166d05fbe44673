// A team workshop's lobby: everyone joins with one workshop code and waits here while the
// facilitator forms teams (automatically, in balanced sizes, or by moving people by hand).
// Opening the teams creates one hosted room per team, linked to the workshop's stored session;
// each person is then told their team's room code and moves there, and anyone arriving later
// is placed in the smallest team and sent straight on. The teams' rounds are run from the
// workshop console, which is the host of every team room with the same secret.
import { randomUUID } from "node:crypto";
import { type AuthContext, type Client, ErrorCode, matchMaker, Room, type RoomException, ServerError } from "@colyseus/core";
import { z } from "zod";
import { checkHostSecret, displaceHost } from "../hosting/host-auth.js";
import { hosting } from "../hosting/registry.js";
import { deal, smallestTeam, teamCount } from "../hosting/teams.js";
import { type WorkshopCommand, workshopCommandSchema } from "../hosting/workshop-commands.js";
import { cleanMessage } from "../hosting/commands.js";
import { sanitizeName, uniqueName } from "../names.js";
import {
  type ErrorMessage,
  HOSTED_ROOM_NAME,
  MAX_MESSAGE_BYTES,
  MAX_WORKSHOP_PARTICIPANTS,
  MAX_WORKSHOP_TEAMS,
  MSG,
  RECONNECT_SECONDS,
  TEAM_NAMES,
  TEAM_SIZE_MIN,
} from "../../shared/protocol/index.js";
import { ParticipantState, TeamState, WorkshopState } from "../schema/WorkshopState.js";
import { FloodGuard } from "../throttle.js";
import { log } from "../log.js";
import { admit, closeForShutdown, logRoomFault, refuseUnknownMessages, sendError } from "./authority.js";
import { guardFrames } from "./frames.js";
import type { HostedTicket } from "./HostedRoom.js";

/** An empty workshop lobby closes after this long (the teams' rooms have their own timers). */
const WORKSHOP_IDLE_SECONDS = 60 * 60;

/** What POST /api/workshops leaves in presence for the room to pick up. */
export interface WorkshopTicket {
  sessionId: string;
  hostHash: string;
  /** Trusted servers only (tests): passed on to the team rooms. */
  tickMs?: number;
  reconnectSeconds?: number;
}

type Role = "host" | "participant";
interface Person {
  role: Role;
  flood: FloodGuard;
}

const joinOptionsSchema = z
  .object({ name: z.unknown().optional(), hostSecret: z.string().max(128).optional(), role: z.string().max(16).optional() })
  .passthrough();

export class WorkshopRoom extends Room<WorkshopState> {
  override maxClients = MAX_WORKSHOP_PARTICIPANTS + 4;
  override autoDispose = false;
  private ticket!: WorkshopTicket;
  private hostHash = Buffer.alloc(32);
  private hostSessionId: string | null = null;
  private idleTimer: { clear(): void } | null = null;
  private nextTeam = 0;
  private opening = false;

  override async onCreate(options: unknown): Promise<void> {
    const ticketId = (options as { ticket?: unknown } | undefined)?.ticket;
    const raw = typeof ticketId === "string" && ticketId.length < 100 ? await this.presence.get(`smolder:ticket:${ticketId}`) : null;
    if (!raw) throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, "workshops are created with POST /api/workshops");
    await this.presence.del(`smolder:ticket:${ticketId}`);
    this.ticket = JSON.parse(String(raw)) as WorkshopTicket;
    this.hostHash = Buffer.from(this.ticket.hostHash, "hex");
    this.roomId = await hosting.claimCode(this.presence);
    await this.setPrivate(true);
    this.state = new WorkshopState();
    this.state.code = this.roomId;
    guardFrames(this);
    this.onMessage(MSG.host, (client, message: unknown) => this.onHost(client, message));
    refuseUnknownMessages(this, (client) => admit(this, client, (client.userData as Person | undefined)?.flood));
    this.watchIdle();
  }

  get sessionKey(): string {
    return this.ticket.sessionId;
  }

  override onAuth(_client: Client, options: unknown, context: AuthContext): { role: Role } {
    const parsed = joinOptionsSchema.safeParse(options ?? {});
    if (!parsed.success) throw new ServerError(ErrorCode.AUTH_FAILED, "bad join options");
    if (parsed.data.hostSecret !== undefined) {
      checkHostSecret(parsed.data.hostSecret, this.hostHash, context, "workshop");
      return { role: "host" };
    }
    // A projector pointed at the workshop code would otherwise be placed in a team as a person.
    if (parsed.data.role === "screen")
      throw new ServerError(
        ErrorCode.AUTH_FAILED,
        "A workshop has no projector view of its own: put the workshop console's dashboard on the big screen, or a team's projector view (/screen/TEAMCODE).",
      );
    if (this.state.locked) throw new ServerError(ErrorCode.AUTH_FAILED, "This workshop is locked by its facilitator.");
    if (this.state.people.size >= MAX_WORKSHOP_PARTICIPANTS) throw new ServerError(ErrorCode.AUTH_FAILED, "This workshop is full.");
    return { role: "participant" };
  }

  override onJoin(client: Client<Person>, options: unknown, auth?: { role: Role }): void {
    const role = auth?.role ?? "participant";
    client.userData = { role, flood: new FloodGuard() };
    this.watchIdle();
    if (role === "host") {
      displaceHost(this.clients, this.hostSessionId, "workshop console");
      this.hostSessionId = client.sessionId;
      this.state.hostOnline = true;
      return;
    }
    const p = new ParticipantState();
    p.name = uniqueName(
      sanitizeName((options as { name?: unknown } | undefined)?.name),
      [...this.state.people.values()].map((x) => x.name),
    );
    this.state.people.set(client.sessionId, p);
    // After teams exist, a newcomer is placed at once (and, once open, sent on).
    if (this.state.teams.size > 0) p.team = this.smallest() ?? "";
  }

  override async onLeave(client: Client<Person>, consented: boolean): Promise<void> {
    this.clock.setTimeout(() => this.watchIdle(), 0);
    if (client.userData?.role === "host") {
      if (this.hostSessionId === client.sessionId) {
        this.hostSessionId = null;
        this.state.hostOnline = false;
      }
      return;
    }
    const p = this.state.people.get(client.sessionId);
    if (!p) return;
    // Leaving for the team's room: stays on the roster as moved.
    const team = this.state.teams.get(p.team);
    if (team?.code) {
      p.status = "moved";
      return;
    }
    if (consented || client.userData?.flood.disconnected) return void this.state.people.delete(client.sessionId);
    p.status = "away";
    try {
      await this.allowReconnection(client, this.ticket.reconnectSeconds ?? RECONNECT_SECONDS);
      p.status = "waiting";
    } catch {
      this.state.people.delete(client.sessionId);
    }
  }

  override onBeforeShutdown(): void {
    void closeForShutdown(this);
  }

  override onDispose(): void {
    hosting.releaseCode(this.presence, this.roomId);
  }

  override onUncaughtException(error: RoomException<this>, methodName: string): void {
    if (methodName === "onAuth") return;
    logRoomFault(this, methodName, error);
  }

  private watchIdle(): void {
    this.idleTimer?.clear();
    this.idleTimer = null;
    if (this.clients.length > 0) return;
    this.idleTimer = this.clock.setTimeout(() => void this.disconnect(), WORKSHOP_IDLE_SECONDS * 1000);
  }

  // ---- the facilitator's commands ----

  private onHost(client: Client<Person>, message: unknown): void {
    if (!admit(this, client, client.userData?.flood)) return;
    if (client.sessionId !== this.hostSessionId || client.userData?.role !== "host")
      return sendError(client, { code: "not-host", message: "only the workshop's facilitator can do that" });
    if (JSON.stringify(message ?? null).length > MAX_MESSAGE_BYTES * 2) return sendError(client, { code: "too-large", message: "command too large" });
    const parsed = workshopCommandSchema.safeParse(message);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return sendError(client, {
        code: "bad-command",
        message: `bad workshop command: ${issue?.path.length ? `${issue.path.join(".")}: ` : ""}${issue?.message ?? "invalid"}`,
      });
    }
    const refusal = this.command(parsed.data, (error) => sendError(client, error));
    if (refusal) sendError(client, { code: "bad-command", message: refusal });
  }

  private command(cmd: WorkshopCommand, fail: (e: ErrorMessage) => void): string | null {
    const st = this.state;
    const forming = st.stage === "forming" && !this.opening;
    switch (cmd.command) {
      case "form": {
        if (!forming) return "the teams are already open";
        const people = [...st.people.entries()].map(([key]) => key);
        if (people.length === 0) return "nobody has joined yet";
        st.teams.clear();
        this.nextTeam = 0;
        const groups = deal(people, teamCount(people.length, cmd.size, TEAM_SIZE_MIN));
        for (const group of groups) {
          const team = this.addTeam();
          for (const key of group) st.people.get(key)!.team = team.id;
        }
        return null;
      }
      case "move": {
        if (!forming) return "people move between teams before the teams open";
        const p = st.people.get(cmd.key);
        if (!p) return "nobody with that key is in the workshop";
        if (!st.teams.has(cmd.team)) return "no such team";
        p.team = cmd.team;
        return null;
      }
      case "rename": {
        const team = st.teams.get(cmd.team);
        if (!team) return "no such team";
        if (team.code) return "teams are named before they open";
        const name = sanitizeName(cmd.name, () => team.name);
        if ([...st.teams.values()].some((t) => t !== team && t.name.toLowerCase() === name.toLowerCase())) return `another team is called ${name}`;
        team.name = name;
        return null;
      }
      case "addTeam":
        if (!forming) return "the teams are already open";
        if (st.teams.size >= MAX_WORKSHOP_TEAMS) return `a workshop has at most ${MAX_WORKSHOP_TEAMS} teams`;
        this.addTeam();
        return null;
      case "removeTeam": {
        if (!forming) return "the teams are already open";
        if (!st.teams.has(cmd.team)) return "no such team";
        if ([...st.people.values()].some((p) => p.team === cmd.team)) return "move everyone out of the team first";
        st.teams.delete(cmd.team);
        return null;
      }
      case "open":
        if (!forming) return "the teams are already open";
        if (st.teams.size === 0) return "form the teams first";
        this.opening = true;
        this.openTeams().then(
          () => undefined,
          (err: unknown) => {
            // Teams that opened keep their rooms; the others are tried again at the next "open".
            this.opening = false;
            log.error({ event: "workshop-open-failed", room: this.roomId, err }, "workshop-open-failed");
            fail({ code: "bad-command", message: "could not open every team's room; try again" });
          },
        );
        return null;
      case "lock":
        st.locked = true;
        return null;
      case "unlock":
        st.locked = false;
        return null;
      case "message":
        st.message = cleanMessage(cmd.text);
        return null;
    }
  }

  private addTeam(): TeamState {
    const team = new TeamState();
    const taken = new Set([...this.state.teams.values()].map((t) => t.name));
    team.id = `t${++this.nextTeam}`;
    let k = this.state.teams.size;
    while (taken.has(TEAM_NAMES[k % TEAM_NAMES.length]!)) k++;
    team.name = TEAM_NAMES[k % TEAM_NAMES.length]!;
    this.state.teams.set(team.id, team);
    return team;
  }

  private smallest(): string | null {
    const sizes = new Map<string, number>();
    for (const id of this.state.teams.keys()) sizes.set(id, 0);
    for (const p of this.state.people.values()) if (sizes.has(p.team)) sizes.set(p.team, sizes.get(p.team)! + 1);
    return smallestTeam(sizes);
  }

  /** One hosted room per team, stored as a session under the workshop's; empty teams are dropped. */
  private async openTeams(): Promise<void> {
    const st = this.state;
    for (const p of st.people.values()) if (!st.teams.has(p.team)) p.team = this.smallest() ?? "";
    for (const [id] of [...st.teams.entries()]) if (![...st.people.values()].some((p) => p.team === id)) st.teams.delete(id);
    for (const team of st.teams.values()) {
      if (team.code) continue;
      const sessionId = randomUUID();
      // Stored before the room exists, so a store that fails leaves no room nobody can host.
      const session = {
        id: sessionId,
        kind: "room" as const,
        hostHash: this.ticket.hostHash,
        code: "",
        createdAt: Date.now(),
        parentId: this.ticket.sessionId,
        team: team.name,
      };
      await hosting.store.saveSession(session);
      const ticket: HostedTicket = {
        sessionId,
        hostHash: this.ticket.hostHash,
        team: team.name,
        workshop: this.roomId,
        tickMs: this.ticket.tickMs,
        reconnectSeconds: this.ticket.reconnectSeconds,
      };
      const ticketId = randomUUID();
      await this.presence.setex(`smolder:ticket:${ticketId}`, JSON.stringify(ticket), 30);
      const room = await matchMaker.createRoom(HOSTED_ROOM_NAME, { ticket: ticketId });
      await hosting.store.saveSession({ ...session, code: room.roomId });
      team.session = sessionId;
      team.code = room.roomId;
    }
    st.stage = "open";
    this.opening = false;
  }
}
