// The host's commands: one "host" message type, { command, ... }, each shape checked here
// with zod (unknown commands and extra fields refused) before the room looks at who sent it.
import { z } from "zod";
import { BOT_KINDS, type BotKind } from "../../shared/index.js";
import { MAX_DEBRIEF_ROUNDS } from "./debrief.js";
import {
  BOARD_MODES,
  HOST_DROP_MODES,
  HOST_MESSAGE_MAX_LENGTH,
  MAX_HOSTED_PLAYERS,
  MAX_MESSAGE_BYTES,
  type ErrorMessage,
} from "../../shared/protocol/index.js";

const board = z.enum(BOARD_MODES);

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
    bots: z
      .array(z.enum(BOT_KINDS as [BotKind, ...BotKind[]]))
      .min(1)
      .max(MAX_HOSTED_PLAYERS),
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
          team: z.enum(BOT_KINDS as [BotKind, ...BotKind[]]),
          pace: z.number().int().min(1).max(60).optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
]);
export type HostCommand = z.infer<typeof hostCommandSchema>;

export type CheckedCommand = { ok: true; command: HostCommand } | { ok: false; error: ErrorMessage };

/** Checks a "host" message: bounded size, then the command's own schema. */
export function checkHostCommand(message: unknown): CheckedCommand {
  let size: number;
  try {
    size = JSON.stringify(message ?? null).length;
  } catch {
    return { ok: false, error: { code: "bad-command", message: "command could not be read as plain data" } };
  }
  if (size > MAX_MESSAGE_BYTES * 2)
    return { ok: false, error: { code: "too-large", message: `command is ${size} bytes; the limit is ${MAX_MESSAGE_BYTES * 2}` } };
  const parsed = hostCommandSchema.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    return { ok: false, error: { code: "bad-command", message: `bad host command: ${where}${issue?.message ?? "invalid"}` } };
  }
  return { ok: true, command: parsed.data };
}

/** Strips control characters from the host's message and trims it. */
export function cleanMessage(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim()
    .slice(0, HOST_MESSAGE_MAX_LENGTH);
}
