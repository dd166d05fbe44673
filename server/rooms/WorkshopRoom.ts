// A team workshop's lobby: everyone joins with one workshop code and waits here while the
// facilitator forms teams (automatically, in balanced sizes, or by moving people by hand).
// Opening the teams creates one hosted room per team, linked to the workshop's stored session;
// each person is then told their team's room code and moves there, and anyone arriving later
// is placed in the smallest team and sent straight on. The teams' rounds are run from the
// workshop console, which is the host of every team room with the same secret.
import { randomUUID } from "node:crypto";
import { type AuthContext, type Client, ErrorCode, matchMaker } from "@colyseus/core";
import { z } from "zod";
import { hosting } from "../hosting/registry.js";
import { WorkshopRecovery } from "../hosting/workshop-recovery.js";
import { cleanMessage } from "../hosting/host-commands.js";
import { deal, smallestTeam, teamCount } from "../hosting/teams.js";
import { sanitizeName, uniqueName } from "../names.js";
import {
  checkWorkshopCommand,
  type ErrorMessage,
  HOSTED_ROOM_NAME,
  MAX_WORKSHOP_PARTICIPANTS,
  MAX_WORKSHOP_TEAMS,
  RECONNECT_SECONDS,
  REFUSALS,
  TEAM_NAMES,
  TEAM_SIZE_MIN,
  type WorkshopCommand,
} from "../../shared/protocol/index.js";
import { ParticipantState, TeamState, WorkshopState } from "../schema/WorkshopState.js";
import { refusal } from "../refusals.js";
import { FloodGuard } from "../throttle.js";
import { log } from "../log.js";
import { sendError } from "./authority.js";
import { type HostedTicket, PrivateRoom, type WorkshopTicket } from "./private-room.js";

type Role = "host" | "participant";
interface Person {
  role: Role;
  flood: FloodGuard;
}

const joinOptionsSchema = z
  .object({ name: z.unknown().optional(), hostSecret: z.string().max(128).optional(), role: z.string().max(16).optional() })
  .passthrough();

export class WorkshopRoom extends PrivateRoom<WorkshopState, Person, { role: Role }> {
  override maxClients = MAX_WORKSHOP_PARTICIPANTS + 4;
  /** An empty workshop lobby closes after an hour (the teams' rooms have their own timers). */
  protected readonly idleSeconds = 60 * 60;
  private ticket!: WorkshopTicket;
  private nextTeam = 0;
  private opening = false;
  private readonly recovery = new WorkshopRecovery(this, () => ({
    sessionId: this.ticket.sessionId,
    nextTeam: this.nextTeam,
    timing: {
      ...(this.ticket.tickMs !== undefined && { tickMs: this.ticket.tickMs }),
      ...(this.ticket.reconnectSeconds !== undefined && { reconnectSeconds: this.ticket.reconnectSeconds }),
    },
  }));

  override async onCreate(options: unknown): Promise<void> {
    this.ticket = await this.redeemTicket<WorkshopTicket>(options, "workshops are created with POST /api/workshops");
    this.state = new WorkshopState();
    this.state.code = this.roomId;
    this.guardMessages();
    this.onHostCommand("only the workshop's facilitator can do that", checkWorkshopCommand, (cmd, client) => {
      const refusal = this.command(cmd, (error) => sendError(client, error));
      if (refusal === null) void this.recovery.save();
      return refusal;
    });
    if (this.ticket.restore) this.nextTeam = await this.recovery.open(this.ticket.sessionId);
    this.watchIdle();
    void this.recovery.save();
  }

  /** A deploy or a stop: the lobby is written down, and everyone told to come back. */
  override onBeforeShutdown(): void {
    void this.recovery.shutdown();
  }

  protected override async closeDown(): Promise<void> {
    await super.closeDown();
    await this.recovery.disposed();
  }

  get sessionKey(): string {
    return this.ticket.sessionId;
  }

  override onAuth(_client: Client, options: unknown, context: AuthContext): { role: Role } {
    const parsed = joinOptionsSchema.safeParse(options ?? {});
    if (!parsed.success) throw refusal(ErrorCode.AUTH_FAILED, REFUSALS.badRequest, "bad join options");
    if (this.joinsAsHost(parsed.data.hostSecret, context, "workshop")) return { role: "host" };
    // A projector pointed at the workshop code would otherwise be placed in a team as a person.
    if (parsed.data.role === "screen")
      throw refusal(
        ErrorCode.AUTH_FAILED,
        REFUSALS.workshopNoScreen,
        "A workshop has no projector view of its own: put the workshop console's dashboard on the big screen, or a team's projector view (/screen/TEAMCODE).",
      );
    if (this.state.locked) throw refusal(ErrorCode.AUTH_FAILED, REFUSALS.workshopLocked, "This workshop is locked by its facilitator.");
    if (this.state.people.size >= MAX_WORKSHOP_PARTICIPANTS) throw refusal(ErrorCode.AUTH_FAILED, REFUSALS.workshopFull, "This workshop is full.");
    return { role: "participant" };
  }

  override onJoin(client: Client<Person>, options: unknown, auth?: { role: Role }): void {
    const role = auth?.role ?? "participant";
    client.userData = { role, flood: new FloodGuard() };
    this.watchIdle();
    if (role === "host") {
      this.consoles.take(this.clients, client, "workshop console");
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
    this.watchIdleSoon();
    if (client.userData?.role === "host") {
      if (this.consoles.drop(client.sessionId)) this.state.hostOnline = false;
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

  // ---- the facilitator's commands ----

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
    void this.recovery.save();
  }
}
