// What every room does the same way with its connections: flood control, error replies, the
// refusal of unknown message types, fault logging, stopping the loop and closing on shutdown.
// (The rounds themselves run in round.ts.)
import { type Client, type Room, ServerError } from "@colyseus/core";
import {
  type ErrorMessage,
  FLOOD_DISCONNECT_SECONDS,
  FLOODED_CLOSE_CODE,
  MSG,
  SERVER_CLOSING_CLOSE_CODE,
  SERVER_RESTARTING_CLOSE_CODE,
} from "../../shared/protocol/index.js";
import { badInput, log } from "../log.js";
import type { FloodGuard } from "../throttle.js";

export function sendError(client: Client, error: ErrorMessage): void {
  client.send(MSG.error, error);
}

/** An intent the rules refused at its tick, told to its sender with the next patch: sending it
 *  inside the tick was most of a tick's time under load (bench:server's profile). */
export function refuseAfterPatch(room: Room, sessionId: string, error: ErrorMessage): void {
  room.clients.getById(sessionId)?.send(MSG.error, error, { afterNextPatch: true });
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
export function stopSimulation(room: Pick<Room, "setSimulationInterval">): void {
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

/** What everyone in a room whose round was written down is told when its server stops. */
export const SERVER_RESTARTING: ErrorMessage = {
  code: "server-restarting",
  message: "The game server is restarting. Your round is saved and comes back under the same code; this page reconnects by itself.",
};

/** As closeForShutdown, for a room that comes back (see hosting/restore.ts): clients retry. */
export function closeForRestart(room: Room): Promise<unknown> {
  room.broadcast(MSG.error, SERVER_RESTARTING);
  return room.disconnect(SERVER_RESTARTING_CLOSE_CODE);
}
