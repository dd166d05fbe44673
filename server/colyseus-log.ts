// Colyseus's own messages, into the server's log. Colyseus prints a stack trace for every error
// it meets, bad input included: a frame it cannot decode (while a room has that frame in hand,
// see rooms/frames.ts) or a join with an expired reservation. Those become summarised lines
// without a stack; everything else Colyseus reports is logged as it came.
import { badInput, log, reasonOf } from "./log.js";
import { frameInHand, reportBadFrame } from "./rooms/frames.js";

/** Colyseus errors that mean a client sent something wrong, not that the server is broken. */
const CLIENT_FAULTS = [/seat reservation expired/i, /^early_leave/, /Invalid WebSocket frame/i, /Max payload size exceeded/i];

function text(args: unknown[]): string {
  return args.map((a) => (typeof a === "string" ? a : a instanceof Error ? (a.stack ?? a.message) : JSON.stringify(a))).join(" ");
}

export const colyseusLogger = {
  error(...args: unknown[]): void {
    const frame = frameInHand();
    if (frame) return reportBadFrame(frame, reasonOf(args[0]));
    const message = text(args);
    if (CLIENT_FAULTS.some((re) => re.test(message))) return badInput.note("refused-connection", "colyseus", { reason: reasonOf(message) });
    log.error({ event: "colyseus" }, message);
  },
  warn: (...args: unknown[]) => log.warn({ event: "colyseus" }, text(args)),
  info: (...args: unknown[]) => log.info({ event: "colyseus" }, text(args)),
  debug: (...args: unknown[]) => log.debug({ event: "colyseus" }, text(args)),
  trace: (...args: unknown[]) => log.trace({ event: "colyseus" }, text(args)),
};
