// What a client may ask for when creating or joining a room. Quick play only takes a name;
// the room settings below are honoured only when the server was configured to trust them
// (tests, benchmarks, and later the facilitator's hosted rooms), never from a public client.
import { randomInt } from "node:crypto";
import { ErrorCode } from "@colyseus/core";
import { z } from "zod";
import { BOT_KINDS, type BotKind, fromPhase, getScenario, type Scenario } from "../../shared/index.js";
import { DEFAULT_COUNTDOWN_SECONDS, issueText, RECONNECT_SECONDS, REFUSALS } from "../../shared/protocol/index.js";
import { refusal } from "../refusals.js";

const settingsSchema = z
  .object({
    /** A built-in scenario id. */
    scenario: z.string().max(40).optional(),
    /** The rules' seed; random when absent. */
    seed: z.number().int().min(0).max(0xffffffff).optional(),
    countdownSeconds: z.number().int().min(0).max(120).optional(),
    /** Wall-clock milliseconds per rules tick. Defaults to 1000 / tickRate; tests shrink it to run fast. */
    tickMs: z.number().min(1).max(1000).optional(),
    /** Seconds a dropped player's seat is held; tests shorten it to see it expire. */
    reconnectSeconds: z.number().min(0.1).max(300).optional(),
    /** Start the round in this growth phase (0 = the scenario's first). */
    startPhase: z.number().int().min(0).max(2).optional(),
    /** Seats bots fill up to at the start; the scenario's team size when absent. */
    seats: z.number().int().min(1).max(16).optional(),
    /** Bot kinds for the seats filled at the start, used in turn. */
    bots: z
      .array(z.enum(BOT_KINDS as [BotKind, ...BotKind[]]))
      .min(1)
      .max(16)
      .optional(),
  })
  .strip();

export interface RoomSettings {
  scenario: Scenario;
  seed: number;
  countdownSeconds: number;
  tickMs: number;
  reconnectSeconds: number;
  bots: BotKind[];
  seats: number;
}

/**
 * Quick play is a first game: the eight-minute `workshop` round (all three growth phases), with
 * bots that leave the outcome to the person. A hero and a firefighter put out fires and never
 * look ahead, a preventer builds quietly; none of them steps back to reveal the risk, so the
 * reveal is the person's own. Measured over seeds no test uses (7001..7030): a newcomer who
 * only fights fires earns praise within a minute in 29 of 30 and the organisation collapses in
 * all 30; one who steps back and invests holds it in all 30.
 */
export const DEFAULT_BOTS: BotKind[] = ["hero", "preventer", "firefighter"];
export const DEFAULT_SCENARIO = "workshop";
/** Quick play's bots decide once a second: slower than an eager newcomer, so fires are left to fight. */
export const QUICK_PLAY_BOT_PACE = 1;

/** Reads the room settings; `trusted` is set by the server's room definition, not the client. */
export function readSettings(options: unknown, trusted: boolean): RoomSettings {
  const raw = trusted && typeof options === "object" && options !== null ? options : {};
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) throw refusal(ErrorCode.MATCHMAKE_UNHANDLED, REFUSALS.badSettings, `bad room settings: ${issueText(parsed.error)}`);
  const s = parsed.data;
  const base = getScenario(s.scenario ?? DEFAULT_SCENARIO);
  if (!base) throw refusal(ErrorCode.MATCHMAKE_UNHANDLED, REFUSALS.badSettings, `bad room settings: unknown scenario "${s.scenario}"`);
  if (s.startPhase !== undefined && s.startPhase >= base.phases.length)
    throw refusal(ErrorCode.MATCHMAKE_UNHANDLED, REFUSALS.badSettings, `bad room settings: startPhase: "${base.id}" has ${base.phases.length} phase(s)`);
  const scenario = fromPhase(base, s.startPhase ?? 0);
  return {
    scenario,
    seed: s.seed ?? randomInt(0, 0xffffffff),
    countdownSeconds: s.countdownSeconds ?? DEFAULT_COUNTDOWN_SECONDS,
    tickMs: s.tickMs ?? 1000 / scenario.tickRate,
    reconnectSeconds: s.reconnectSeconds ?? RECONNECT_SECONDS,
    bots: s.bots ?? DEFAULT_BOTS,
    seats: s.seats ?? scenario.teamSize,
  };
}
