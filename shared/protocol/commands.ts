// The facilitators' commands: one "host" message type, { command, ... }, to a hosted room (the
// host console) or to a workshop lobby (the workshop console). Each shape is checked here with
// zod, unknown commands and extra fields refused, before a room looks at who sent it; the
// consoles import the same types to send them. docs/PROTOCOL.md lists them in prose.
import { z } from "zod";
import { BOT_KINDS, type BotKind } from "../state.js";
import { type Checked, checkMessage, parseWith } from "./check.js";
import {
  BOARD_MODES,
  HOST_DROP_MODES,
  HOST_MESSAGE_MAX_LENGTH,
  ROOM_LANGUAGES,
  MAX_HOSTED_PLAYERS,
  MAX_MESSAGE_BYTES,
  TEAM_NAME_MAX_LENGTH,
  TEAM_SIZE_MAX,
  TEAM_SIZE_MIN,
} from "./wire.js";

/** Rounds one debrief can set side by side. */
export const MAX_DEBRIEF_ROUNDS = 4;
/** A command may be twice an intent's size (settings carry several fields). */
export const MAX_COMMAND_BYTES = MAX_MESSAGE_BYTES * 2;

const board = z.enum(BOARD_MODES);
const botKind = z.enum(BOT_KINDS as [BotKind, ...BotKind[]]);

/** The next round's settings; every field optional (absent keeps the current choice). */
export const roundSettingsSchema = z
  .object({
    /** Built-in scenario id. */
    scenario: z.string().min(1).max(40),
    /** Round length in seconds, counted from the starting phase. */
    durationSeconds: z.number().int().min(10).max(3600),
    /** Growth exponent of new fires in halves: 2 linear, 3 (1.5), 4 quadratic. */
    exponentHalves: z.union([z.literal(2), z.literal(3), z.literal(4)]),
    /** Fire spread in percent of the scenario's. */
    spreadPct: z.number().int().min(0).max(400),
    /** Starting growth phase. */
    startPhase: z.number().int().min(0).max(2),
    /** Seats that bots fill up to when the round starts (people beyond it still get seats up to 16). */
    seats: z.number().int().min(1).max(MAX_HOSTED_PLAYERS),
    /** Bot kinds used in turn for the filled seats. */
    bots: z.array(botKind).min(1).max(MAX_HOSTED_PLAYERS),
    /** The rules' seed; random when absent. */
    seed: z.number().int().min(0).max(0xffffffff),
    board,
  })
  .partial()
  .strict();
export type RoundSettingsInput = z.infer<typeof roundSettingsSchema>;

export const hostCommandSchema = z.discriminatedUnion("command", [
  z
    .object({ command: z.literal("settings") })
    .merge(roundSettingsSchema)
    .strict(),
  z.object({ command: z.literal("start"), countdownSeconds: z.number().int().min(0).max(60).optional() }).strict(),
  z.object({ command: z.literal("pause") }).strict(),
  /** Stops a countdown and goes back to the lobby (settings can change again). */
  z.object({ command: z.literal("cancel") }).strict(),
  z.object({ command: z.literal("resume") }).strict(),
  z.object({ command: z.literal("end") }).strict(),
  z.object({ command: z.literal("nextPhase") }).strict(),
  z.object({ command: z.literal("message"), text: z.string().max(HOST_MESSAGE_MAX_LENGTH) }).strict(),
  z.object({ command: z.literal("nextRound") }).strict(),
  z.object({ command: z.literal("kick"), key: z.string().min(1).max(64) }).strict(),
  z.object({ command: z.literal("lock") }).strict(),
  z.object({ command: z.literal("unlock") }).strict(),
  z.object({ command: z.literal("board"), mode: board }).strict(),
  z.object({ command: z.literal("hostDrop"), then: z.enum(HOST_DROP_MODES) }).strict(),
  /** The projector's and consoles' language, whatever their browsers say ("" for each browser's own). */
  z.object({ command: z.literal("language"), language: z.enum(ROOM_LANGUAGES) }).strict(),
  z
    .object({
      command: z.literal("debrief"),
      /** Round numbers to show side by side, the first leading; empty hides the debrief. */
      rounds: z.array(z.number().int().min(1).max(100000)).max(MAX_DEBRIEF_ROUNDS),
      /** A counterfactual drawn beside one of them: bots of one kind from a chosen second. */
      whatIf: z
        .object({
          round: z.number().int().min(1).max(100000),
          fromSecond: z.number().int().min(0).max(3600),
          team: botKind,
          pace: z.number().int().min(1).max(60).optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
]);
export type HostCommand = z.infer<typeof hostCommandSchema>;

const teamId = z.string().min(1).max(16);

export const workshopCommandSchema = z.discriminatedUnion("command", [
  /** Everyone into balanced teams of about `size` (replaces the current teams; before opening only). */
  z.object({ command: z.literal("form"), size: z.number().int().min(TEAM_SIZE_MIN).max(TEAM_SIZE_MAX) }).strict(),
  /** One person into another team (before opening only). */
  z.object({ command: z.literal("move"), key: z.string().min(1).max(64), team: teamId }).strict(),
  z.object({ command: z.literal("rename"), team: teamId, name: z.string().min(1).max(TEAM_NAME_MAX_LENGTH) }).strict(),
  z.object({ command: z.literal("addTeam") }).strict(),
  /** An empty team only. */
  z.object({ command: z.literal("removeTeam"), team: teamId }).strict(),
  /** Opens one hosted room per team and sends everyone to theirs; later arrivals go straight to a team. */
  z.object({ command: z.literal("open") }).strict(),
  z.object({ command: z.literal("lock") }).strict(),
  z.object({ command: z.literal("unlock") }).strict(),
  z.object({ command: z.literal("message"), text: z.string().max(HOST_MESSAGE_MAX_LENGTH) }).strict(),
]);
export type WorkshopCommand = z.infer<typeof workshopCommandSchema>;

/** Checks a hosted room's "host" message: bounded size, then the command's own schema. */
export function checkHostCommand(message: unknown): Checked<HostCommand> {
  return checkMessage(message, {
    noun: "command",
    limit: MAX_COMMAND_BYTES,
    code: "bad-command",
    parse: (m) => parseWith(hostCommandSchema, m, "bad host command: "),
  });
}

/** Checks a workshop lobby's "host" message the same way. */
export function checkWorkshopCommand(message: unknown): Checked<WorkshopCommand> {
  return checkMessage(message, {
    noun: "command",
    limit: MAX_COMMAND_BYTES,
    code: "bad-command",
    parse: (m) => parseWith(workshopCommandSchema, m, "bad workshop command: "),
  });
}
