// The wire contract shared by the server and the client: room and message names, error
// codes, stages and limits. Plain constants only, so the browser bundle can import this file
// without pulling in any server code. docs/PROTOCOL.md describes the same contract in prose.

/** The one room type: quick play and (later) hosted rooms. */
export const ROOM_NAME = "smolder";

/** Message types. Client → server: INTENT. Server → client: ERROR, SUMMARY. */
export const MSG = {
  /** One intent object, e.g. { kind: "move", dx: 1, dy: 0 }. */
  intent: "intent",
  /** { code, message } for anything the server or the rules rejected. */
  error: "error",
  /** The round summary (shared roundSummary) when the round ends. */
  summary: "summary",
} as const;

/** Where the room is in its life. */
export const STAGES = ["countdown", "playing", "ended"] as const;
export type Stage = (typeof STAGES)[number];

/** Player status as shown to everyone. */
export const STATUSES = ["playing", "burntOut", "away", "left"] as const;
export type Status = (typeof STATUSES)[number];

/** Error codes the server itself sends. The rules add their own (see RULE_ERROR_CODES). */
export const SERVER_ERROR_CODES = [
  "bad-intent", // the message is not a valid intent (wrong type, missing field, NaN, out of range, unknown kind)
  "unknown-message", // a message type the server does not handle
  "too-large", // the payload is bigger than MAX_MESSAGE_BYTES
  "flood", // more messages per second than a person sends; the message was dropped
  "not-started", // the round has not started yet (countdown)
] as const;

/** Codes the rules answer with when they reject an intent (shared/intents.ts RejectCode). */
export const RULE_ERROR_CODES = [
  "no-such-seat",
  "not-in-play",
  "game-over",
  "burnt-out",
  "out-of-map",
  "not-active",
  "too-far",
  "not-burning",
  "burning",
  "fully-guarded",
] as const;

export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];
export type ErrorCode = ServerErrorCode | (typeof RULE_ERROR_CODES)[number];

export interface ErrorMessage {
  code: ErrorCode;
  message: string;
}

/** A decoded message (JSON-measured) may not be larger than this. */
export const MAX_MESSAGE_BYTES = 256;
/** Frames larger than this are refused by the transport, which closes the socket. */
export const MAX_FRAME_BYTES = 4096;
/** Sustained messages per second a client may send, and the burst it may save up. */
export const FLOOD_RATE_PER_SECOND = 20;
export const FLOOD_BURST = 20;

/** Names: at most this many characters after cleaning. */
export const NAME_MAX_LENGTH = 20;
/** Seconds a dropped player has to come back to the same seat. */
export const RECONNECT_SECONDS = 30;
/** People per room. */
export const MAX_CLIENTS = 8;
/** Default seconds of countdown before a quick-play round starts. */
export const DEFAULT_COUNTDOWN_SECONDS = 10;
/** Patches per second at least. */
export const PATCH_RATE_HZ = 20;
