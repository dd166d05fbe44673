// A team workshop's lobby, synced to everyone in it: who is here, which team each person is
// in, and, once the teams are open, each team's room code to move to. No secrets.
import { MapSchema, Schema, type } from "@colyseus/schema";

export class ParticipantState extends Schema {
  @type("string") name = "";
  /** Team id ("" until placed). */
  @type("string") team = "";
  /** "waiting" (in the lobby), "moved" (gone to the team's room), "away" (dropped, may come back). */
  @type("string") status = "waiting";
}

export class TeamState extends Schema {
  @type("string") id = "";
  @type("string") name = "";
  /** The team room's code once the facilitator opens the teams ("" before). */
  @type("string") code = "";
  /** The team's stored session (its rounds, for the cross-team debrief; "" before opening). */
  @type("string") session = "";
}

export class WorkshopState extends Schema {
  /** The workshop code (also the room id). */
  @type("string") code = "";
  /** "forming" (people arrive and are placed) or "open" (teams play in their own rooms). */
  @type("string") stage = "forming";
  @type("boolean") locked = false;
  @type("boolean") hostOnline = false;
  /** The host's message to everyone in the lobby, or a notice code of the server's (NOTICES). */
  @type("string") message = "";
  /** Participants by session id. */
  @type({ map: ParticipantState }) people = new MapSchema<ParticipantState>();
  /** Teams by id, in creation order. */
  @type({ map: TeamState }) teams = new MapSchema<TeamState>();
}
