// One seat as every client sees it. Positions are in 1/256 tile (the rules' SUB units).
import { Schema, type } from "@colyseus/schema";

export class PlayerState extends Schema {
  /** The rules' seat index. */
  @type("uint8") seat = 0;
  @type("string") name = "";
  /** The bot kind driving this seat, or "" for a person. */
  @type("string") bot = "";
  /** "playing" | "burntOut" | "away" (dropped, may reconnect) | "left". */
  @type("string") status = "playing";
  /** Avatar centre in 1/256 tile. */
  @type("int32") x = 0;
  @type("int32") y = 0;
  /** Held movement direction (-1, 0, 1), so the client can predict and interpolate. */
  @type("int8") dirX = 0;
  @type("int8") dirY = 0;
  @type("boolean") sprint = false;
  @type("int16") energy = 0;
  /** Ticks of burnout left. */
  @type("uint16") burnout = 0;
  /** The rules' Action: 0 none, 1 extinguish, 2 invest, 3 step back. */
  @type("uint8") action = 0;
  /** Tile index of the current action, -1 if none. */
  @type("int16") actionTile = -1;
  @type("number") praise = 0;
}
