// Frames from clients, before any handler: Colyseus decodes each one inside the room and, when
// it cannot, prints the decoder's stack trace and closes the socket. A malformed frame is bad
// input, not a fault: here it becomes one summarised log line naming the room and the client.
import type { Client, Room } from "@colyseus/core";
import { badInput, reasonOf } from "../log.js";

/** Colyseus's close code for a client whose frame it could not decode. */
const CLOSE_WITH_ERROR = 4002;

interface Frame {
  room: Room;
  client: Client;
  bytes: number;
}

/** The frame a room is handling right now (handling is synchronous, so there is one at most). */
let inHand: Frame | null = null;

export function frameInHand(): Frame | null {
  return inHand;
}

/** Logs a frame the room could not use, once per client and window, without a stack. */
export function reportBadFrame(frame: Frame, reason: string): void {
  badInput.note("bad-frame", frame.client.sessionId, {
    room: frame.room.roomId,
    roomName: frame.room.roomName,
    client: frame.client.sessionId,
    bytes: frame.bytes,
    reason,
  });
}

type OnMessage = (client: Client, buffer: Uint8Array) => void;

/**
 * Wraps the room's frame handler (Colyseus binds it per client when the client joins), so a
 * decoding failure Colyseus reports while this frame is in hand is known to be this client's,
 * and anything thrown past Colyseus is contained to this client.
 */
export function guardFrames(room: Room): void {
  const target = room as unknown as { _onMessage: OnMessage };
  const original = target._onMessage.bind(room);
  target._onMessage = (client, buffer) => {
    const frame: Frame = { room, client, bytes: buffer?.byteLength ?? 0 };
    const outer = inHand;
    inHand = frame;
    try {
      original(client, buffer);
    } catch (err) {
      reportBadFrame(frame, reasonOf(err));
      client.leave(CLOSE_WITH_ERROR);
    } finally {
      inHand = outer;
    }
  };
}
