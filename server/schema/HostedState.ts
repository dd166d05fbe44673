// A hosted room's synced state: everything a quick-play room syncs, plus what the host
// controls and every screen shows (code, pause, message, leaderboard mode, round, people
// without a seat). Nothing here is secret: the host secret never enters the state.
import { MapSchema, Schema, type } from "@colyseus/schema";
import { SmolderState } from "./SmolderState.js";

/** Someone in the room without a seat this round: a spectator or a projector screen. */
export class WatcherState extends Schema {
  @type("string") name = "";
  /** "spectator" (a person waiting for a seat) or "screen" (a projector view). */
  @type("string") role = "spectator";
  /** "watching" or "away" (dropped, may come back). */
  @type("string") status = "watching";
}

export class HostedState extends SmolderState {
  /** The room code (also the room id). */
  @type("string") code = "";
  /** In a team workshop: this team's name and the workshop's code ("" otherwise). */
  @type("string") team = "";
  @type("string") workshop = "";
  /** Round number in this session, from 1. */
  @type("uint8") round = 1;
  /** Ticks stand still while paused. */
  @type("boolean") paused = false;
  /** Nobody new may join while locked (the host and reconnecting people still can). */
  @type("boolean") locked = false;
  /** "praise" | "value" | "hidden": what leaderboards show. */
  @type("string") board = "praise";
  /** The host's short message to every screen ("" for none), or a notice of the server's own as a
   *  code (NOTICES in shared/protocol, e.g. "@server-restarted") that each screen puts into words. */
  @type("string") message = "";
  /** Rounds the store has refused so far and that are being retried, as numbers ("2,3", see
   *  unsavedField); "" when every finished round is stored. The console says it in its language. */
  @type("string") unsaved = "";
  /** Whether the host's console is connected. */
  @type("boolean") hostOnline = false;
  /** "continue" | "pause": what the round does when the host drops. */
  @type("string") hostDrop = "continue";
  /** "en" | "de" | "es": the language the projector and consoles show whatever their browsers
   *  say; "" leaves each browser's own. Players always keep their own. */
  @type("string") language = "";
  /** The next round's settings as the host chose them (scenario id and name, length, ...), for
   *  screens and the console; during a round, that round's settings. */
  @type("string") nextScenario = "";
  @type("string") scenarioName = "";
  @type("uint16") duration = 0;
  @type("uint8") exponentHalves = 3;
  @type("uint16") spreadPct = 100;
  @type("uint8") startPhase = 0;
  @type("uint8") seats = 0;
  /** People and screens without a seat, by session id. */
  @type({ map: WatcherState }) watchers = new MapSchema<WatcherState>();
}
