// What both room types do the same way: one authoritative tick, flood control and error
// replies. Written once so quick play and hosted rooms can never order inputs differently.
import { type Client, type Room, ServerError } from "@colyseus/core";
import { applyEntry, applyIntent, type BotKind, type GameState, type Intent, type LogEntry, runBots, step } from "../../shared/index.js";
import { type ErrorMessage, FLOOD_DISCONNECT_SECONDS, FLOODED_CLOSE_CODE, MSG, SERVER_CLOSING_CLOSE_CODE } from "../../shared/protocol/index.js";
import { badInput, log } from "../log.js";
import type { FloodGuard } from "../throttle.js";

/** An intent waiting for the next tick, in arrival order. */
export interface Queued {
  sessionId: string;
  seat: number;
  intent: Intent;
}

/**
 * One tick: queued intents in arrival order, then the bots, then the rules' step. Accepted
 * inputs go into the log with the tick they were applied before; refusals go to `refuse`.
 */
export function playTick(game: GameState, batch: readonly Queued[], log: LogEntry[], refuse: (q: Queued, error: ErrorMessage) => void): void {
  for (const q of batch) {
    const verdict = applyIntent(game, q.seat, q.intent);
    if (verdict.ok) log.push({ tick: game.tick, seat: q.seat, intent: q.intent });
    else refuse(q, { code: verdict.code, message: verdict.reason });
  }
  for (const move of runBots(game)) log.push({ tick: game.tick, seat: move.seat, intent: move.intent });
  step(game);
}

export function sendError(client: Client, error: ErrorMessage): void {
  client.send(MSG.error, error);
}

/** Flood control: true when the message may be handled (see FloodGuard for the policy). */
export function admit(room: Room, client: Client, guard: FloodGuard | undefined): boolean {
  if (!guard) return false;
  const verdict = guard.check();
  if (verdict === "admit") return true;
  if (verdict === "tell") {
    sendError(client, { code: "flood", message: "too many messages; slow down (messages are being dropped)" });
    badInput.note("flood", client.sessionId, { room: room.roomId, roomName: room.roomName, client: client.sessionId });
  }
  if (verdict === "disconnect") {
    sendError(client, { code: "flood", message: `disconnected: far more messages than a person sends, for ${FLOOD_DISCONNECT_SECONDS} s` });
    client.leave(FLOODED_CLOSE_CODE);
    log.warn(
      { event: "flood-disconnect", room: room.roomId, roomName: room.roomName, client: client.sessionId, seconds: FLOOD_DISCONNECT_SECONDS },
      "flood-disconnect",
    );
  }
  return false;
}

/** A fault inside a room (a bug, not bad input): logged with its stack; the room carries on. A
 *  ServerError is a refusal the client is told (bad settings, a round that is over), not a fault. */
export function logRoomFault(room: Room, method: string, error: unknown): void {
  const err = (error as { cause?: unknown }).cause ?? error;
  if (err instanceof ServerError) return;
  log.error({ event: "room-fault", room: room.roomId, roomName: room.roomName, method, err }, "room-fault");
}

/**
 * Colyseus's own fallback for unknown types is itself an ordinary, callable message type: sent
 * directly with a long payload, its default handler closes the socket with that payload as the
 * close reason, which `ws` refuses (over 123 bytes) by throwing out of the event loop and ending
 * the process. Every room answers both names with the same bounded refusal instead.
 */
export const UNKNOWN_MESSAGE_TYPES = ["*", "__no_message_handler"] as const;

/** A message type (or, sent as "*", whatever payload arrived in its place) as short, safe text. */
export function describeType(type: unknown): string {
  if (typeof type === "string") return type.slice(0, 32);
  if (typeof type === "number" && Number.isFinite(type)) return String(type);
  return `(${type === null ? "null" : typeof type})`;
}

/** Registers the refusal of any message type the room has no handler for (flood-limited). */
export function refuseUnknownMessages(room: Room, admitted: (client: Client) => boolean): void {
  for (const name of UNKNOWN_MESSAGE_TYPES) {
    room.onMessage(name, (client, type: unknown) => {
      if (!admitted(client)) return;
      const described = describeType(type);
      badInput.note("unknown-message", client.sessionId, { room: room.roomId, roomName: room.roomName, client: client.sessionId, type: described });
      sendError(client, { code: "unknown-message", message: `unknown message type "${described}"` });
    });
  }
}

/**
 * Stops the room's fixed-step loop. Colyseus keeps the handle of a cleared simulation interval,
 * and while it has one its patch loop no longer ticks the room's clock: every clock timer (a
 * hosted room's idle closing, a round's save retries) froze once a round had ended.
 */
export function stopSimulation(room: Room): void {
  room.setSimulationInterval();
  (room as unknown as { _simulationInterval?: unknown })._simulationInterval = undefined;
}

/** What everyone in a room is told when the server process running it shuts down. */
export const SERVER_CLOSING: ErrorMessage = {
  code: "server-closing",
  message: "The game server running this room is shutting down, so the room has closed. Join a new room to keep playing.",
};

/**
 * A graceful shutdown (SIGTERM, SIGINT) calls each room's onBeforeShutdown: everyone gets the
 * "server-closing" error, then the room closes every connection with SERVER_CLOSING_CLOSE_CODE
 * (not a drop, so clients do not try to reconnect to a room that is gone) and is disposed.
 */
export function closeForShutdown(room: Room): Promise<unknown> {
  room.broadcast(MSG.error, SERVER_CLOSING);
  return room.disconnect(SERVER_CLOSING_CLOSE_CODE);
}

/** Applies one non-intent log entry through the rules (the same path a replay takes) and logs it. */
export function recordEntry(game: GameState, log: LogEntry[], entry: Exclude<LogEntry, { intent: Intent }>): void {
  applyEntry(game, entry);
  log.push(entry);
}

/** Seats a person or a bot in the rules, logs it, and keeps the connection key (or bot key) of the seat. */
export function seatPlayer(game: GameState, log: LogEntry[], keys: string[], key: string, spec: { name: string; bot: BotKind | null; pace?: number }): number {
  const seat = game.players.length;
  const join = spec.pace === undefined ? { name: spec.name, bot: spec.bot } : { name: spec.name, bot: spec.bot, pace: spec.pace };
  recordEntry(game, log, { tick: game.tick, seat, join });
  keys[seat] = key;
  return seat;
}

/** Bots of the given kinds, in turn, take `count` more seats (named by seat and kind). */
/** Bots in rooms decide at a person's pace (decisions a second), never faster than the people beside them. */
export const ROOM_BOT_PACE = 2;

export function fillWithBots(game: GameState, log: LogEntry[], keys: string[], count: number, kinds: readonly BotKind[], pace = ROOM_BOT_PACE): void {
  for (let k = 0; k < count; k++) {
    const kind = kinds[k % kinds.length]!;
    const seat = game.players.length;
    seatPlayer(game, log, keys, `bot-${seat}`, { name: `Bot ${seat + 1} (${kind})`, bot: kind, pace });
  }
}
