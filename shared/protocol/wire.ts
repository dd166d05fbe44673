// The wire contract shared by the server and the client: room and message names, error
// codes, stages and limits. Plain constants only, so the browser bundle can import this file
// without pulling in any server code. docs/PROTOCOL.md describes the same contract in prose.

/** The quick-play room type. */
export const ROOM_NAME = "smolder";
/** Facilitator-hosted private rooms, created by POST /api/rooms and joined by code. */
export const HOSTED_ROOM_NAME = "hosted";
/** A team workshop's lobby, created by POST /api/workshops and joined by the workshop code;
 *  each team then plays in its own hosted room. */
export const WORKSHOP_ROOM_NAME = "workshop";

/** Message types. Client → server: INTENT. Server → client: ERROR, SUMMARY. */
export const MSG = {
  /** One intent object, e.g. { kind: "move", dx: 1, dy: 0 }. */
  intent: "intent",
  /** { code, message } for anything the server or the rules rejected. */
  error: "error",
  /** The round summary (shared roundSummary, with the shared withRecap timeline) when the round ends. */
  summary: "summary",
  /** Client → hosted room: a host command { command, ... } (see HOST_COMMANDS). */
  host: "host",
  /** Hosted room → host: the round's per-second timeline, for the live charts. */
  timeline: "timeline",
  /** Hosted room → host: the rounds played so far (settings, outcome, hash). */
  rounds: "rounds",
  /** Hosted room → everyone: the debrief the host shows (shared Debrief), or null when hidden. */
  debrief: "debrief",
} as const;

/** Where the room is in its life. */
export const STAGES = ["lobby", "countdown", "playing", "ended"] as const;
export type Stage = (typeof STAGES)[number];

/** Player status as shown to everyone. */
export const STATUSES = ["playing", "burntOut", "away", "left"] as const;
export type Status = (typeof STATUSES)[number];

/** Error codes the server itself sends. The rules add their own (see RULE_ERROR_CODES). */
export const SERVER_ERROR_CODES = [
  "bad-intent", // the message is not a valid intent (wrong type, missing field, NaN, out of range, unknown kind)
  "unknown-message", // a message type the server does not handle
  "too-large", // the payload is bigger than MAX_MESSAGE_BYTES
  "flood", // more messages per second than a person sends: messages are dropped (told at most once a second); sustained, the connection is closed with FLOODED_CLOSE_CODE
  "not-started", // the round has not started yet (countdown)
  "paused", // the host paused the round; nothing moves until it resumes
  "spectating", // a spectator has no seat to act with
  "not-host", // a host command from a connection that is not the room's host
  "bad-command", // a host command that is not valid (shape, or not possible now)
  "kicked", // the host removed this person from the room
  "room-full", // hosted rooms: the round has handed out every seat it may (MAX_ROUND_SEATS); you watch until the next round
  "server-closing", // the server process running this room is shutting down; the room is closed and cannot be rejoined
  "server-restarting", // the server is restarting (a deploy); the round was written down and the room comes back under the same code: join it again
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
/** A client over its rate this long, without a second's pause, is disconnected (FLOODED_CLOSE_CODE). */
export const FLOOD_DISCONNECT_SECONDS = 5;

/** Names: at most this many characters after cleaning. */
export const NAME_MAX_LENGTH = 20;
/** Seconds a dropped player has to come back to the same seat. */
export const RECONNECT_SECONDS = 30;
/** People per room. */
export const MAX_CLIENTS = 8;
/** Seats one round hands out, people and bots. A seat is never given to someone else (what its
 *  person did stays in the summary), so people joining and leaving would otherwise add seats
 *  without end: a quick-play room that has handed out this many refuses newcomers and is locked;
 *  a hosted round seats newcomers as spectators until the next round. */
export const MAX_ROUND_SEATS = 32;
/** Default seconds of countdown before a quick-play round starts. */
export const DEFAULT_COUNTDOWN_SECONDS = 10;
/** Seats in a hosted room; people beyond them watch as spectators. */
export const MAX_HOSTED_PLAYERS = 16;
/** Connections a hosted room takes in all: players, spectators, screens and the host. */
export const MAX_HOSTED_CLIENTS = 64;
/** Room codes: this many characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B). */
export const ROOM_CODE_LENGTH = 6;
export const ROOM_CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY";
/** What the leaderboard shows in a hosted room: individual praise, the team's value, or nothing. */
export const BOARD_MODES = ["praise", "value", "hidden"] as const;
export type BoardMode = (typeof BOARD_MODES)[number];
/** What a hosted round does when the host's connection drops. */
export const HOST_DROP_MODES = ["continue", "pause"] as const;
export type HostDropMode = (typeof HOST_DROP_MODES)[number];
/** The languages a host may fix for a room's projector and consoles; "" leaves each browser's own. */
export const ROOM_LANGUAGES = ["", "en", "de", "es"] as const;
export type RoomLanguage = (typeof ROOM_LANGUAGES)[number];
/** Host commands (the "host" message's `command`); docs/PROTOCOL.md lists their fields. */
export const HOST_COMMANDS = [
  "settings",
  "start",
  "pause",
  "resume",
  "end",
  "nextPhase",
  "message",
  "nextRound",
  "kick",
  "lock",
  "unlock",
  "board",
  "hostDrop",
  "debrief",
  "cancel",
] as const;
export type HostCommandName = (typeof HOST_COMMANDS)[number];
/** A host's short message to every screen: at most this many characters. */
export const HOST_MESSAGE_MAX_LENGTH = 140;
/** WebSocket close code when the host removes someone (not a drop: no reconnection). */
export const KICKED_CLOSE_CODE = 4401;
/** WebSocket close code when the server process shuts down and its rooms close (after a "server-closing" error; no reconnection). */
export const SERVER_CLOSING_CLOSE_CODE = 4503;
/** WebSocket close code when the server restarts with the room's round written down (after a
 *  "server-restarting" error): a drop to retry, by the room code once the room is back. */
export const SERVER_RESTARTING_CLOSE_CODE = 4504;
/** WebSocket close code for a client that stayed over its message rate for FLOOD_DISCONNECT_SECONDS
 *  (after a "flood" error saying so; its seat is not held, so it is not a drop to retry). */
export const FLOODED_CLOSE_CODE = 4429;
/** A hosted room's roles besides the host: a player (seated while seats last) or a projector screen. */
export const JOIN_ROLES = ["player", "screen"] as const;

/** Patches per second at least. */
export const PATCH_RATE_HZ = 20;

/** Team workshops: people per team when the facilitator forms teams automatically. */
export const TEAM_SIZE_MIN = 3;
export const TEAM_SIZE_MAX = 8;
/** Participants one workshop takes (the 10 to 60, with room for late arrivals). */
export const MAX_WORKSHOP_PARTICIPANTS = 80;
/** Teams one workshop can hold. */
export const MAX_WORKSHOP_TEAMS = 20;
/** Commands the workshop's host sends to the workshop room (the "host" message's `command`). */
export const WORKSHOP_COMMANDS = ["form", "move", "rename", "addTeam", "removeTeam", "open", "lock", "unlock", "message"] as const;
export type WorkshopCommandName = (typeof WORKSHOP_COMMANDS)[number];
/** Team names handed out in turn (the facilitator can rename them). */
export const TEAM_NAMES = [
  "Ember",
  "Cinder",
  "Spark",
  "Flint",
  "Ash",
  "Blaze",
  "Char",
  "Glow",
  "Kindle",
  "Pyre",
  "Tinder",
  "Coal",
  "Flare",
  "Smoke",
  "Torch",
  "Lantern",
  "Beacon",
  "Wick",
  "Hearth",
  "Forge",
] as const;
export const TEAM_NAME_MAX_LENGTH = 24;
