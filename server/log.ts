// The server's log for operators: one JSON line per event (pino), with the room and client it
// concerns. Faults of the server carry their stack; input that is simply bad never does, and
// the same bad input repeated by one client or address is summarised (see EventSummary).
// SMOLDER_LOG_LEVEL chooses the level: info by default, warn under vitest so tests stay quiet.
import pino, { type Logger } from "pino";
import { EventSummary } from "./log-summary.js";

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

function levelFromEnv(): string {
  const asked = process.env.SMOLDER_LOG_LEVEL?.trim().toLowerCase();
  if (asked && LEVELS.includes(asked)) return asked;
  return process.env.VITEST ? "warn" : "info";
}

export const log: Logger = pino({
  level: levelFromEnv(),
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

/** Bad input (malformed frames, unknown types, floods): at most two lines per client and event per 10 s. */
export const badInput = new EventSummary((event, fields, repeated) =>
  log.info(
    { event, ...fields, ...(repeated > 0 && { repeated, windowSeconds: EventSummary.WINDOW_SECONDS }) },
    repeated > 0 ? `${event} (${repeated} more)` : event,
  ),
);

/** A short, single-line description of something thrown by bad input (never its stack). */
export function reasonOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split("\n")[0]!.slice(0, 160);
}
