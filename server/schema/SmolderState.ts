// The room state synced to every client by schema deltas. It mirrors the rules' playerView
// (shared/view.ts): hidden risk is only filled in while a step back has revealed it.
import { ArraySchema, Encoder, MapSchema, Schema, type } from "@colyseus/schema";
import { PlayerState } from "./PlayerState.js";

// A full state holds four per-tile arrays (up to 64×64 tiles); the default 8 KB encode
// buffer is too small for the first full state a client receives.
Encoder.BUFFER_SIZE = Math.max(Encoder.BUFFER_SIZE, 64 * 1024);

export class SmolderState extends Schema {
  /** "countdown" | "playing" | "ended" (see protocol STAGES). */
  @type("string") stage = "countdown";
  /** Whole seconds left in the countdown. */
  @type("uint8") countdown = 0;
  @type("string") scenario = "";
  @type("uint32") tick = 0;
  @type("uint8") tickRate = 10;
  /** Whole seconds left in the round. */
  @type("uint16") clock = 0;
  /** Index of the current growth phase and its name ("0 to 1", ...). */
  @type("int8") phase = 0;
  @type("string") phaseName = "";
  /** "" while playing, then "time" or "collapse". */
  @type("string") ended = "";
  /** The team's durable score. */
  @type("number") value = 0;
  @type("uint8") width = 0;
  @type("uint8") height = 0;
  /** The active square: origin and side, in tiles. */
  @type("uint8") ax = 0;
  @type("uint8") ay = 0;
  @type("uint8") side = 0;
  /** Per tile, indexed y*width+x: heat 0..4, guard 0..3, dust. */
  @type(["uint8"]) heat = new ArraySchema<number>();
  @type(["uint8"]) guard = new ArraySchema<number>();
  @type(["uint8"]) dust = new ArraySchema<number>();
  /** Hidden risk per tile: EMPTY unless revealed (tick < revealUntil). */
  @type(["uint16"]) risk = new ArraySchema<number>();
  /** While revealed: flat pairs [tile, seat, tile, seat, ...] of tiles whose risk is mostly
   *  one player's embers or dust (the rules' attribution); empty otherwise. */
  @type(["int16"]) embers = new ArraySchema<number>();
  /** While revealed: tile indices where investing pays most, best first. */
  @type(["uint16"]) leverage = new ArraySchema<number>();
  /** The reveal lasts while tick < revealUntil; 0 when nothing is revealed. */
  @type("uint32") revealUntil = 0;
  /** Players by session id (bots by "bot-<seat>"). */
  @type({ map: PlayerState }) players = new MapSchema<PlayerState>();
  /** Player keys ordered by praise, highest first (ties by seat). */
  @type(["string"]) leaderboard = new ArraySchema<string>();
}
