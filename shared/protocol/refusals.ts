// Why the server turned someone away: at a room's door (a join or a create through the
// matchmaker) or at the HTTP API. The server sends a code and the figures; each client words them
// in its own language (client/i18n/refusals.ts). The server's English goes along for logs, other
// tools and clients older than a code.
//
// The matchmaker carries only a number and a message, so a refusal there is a message that starts
// with its code and figures in brackets: "[too-many-joins seconds=30] Too many games joined…".
// An older client shows that message as it is, which still reads. The HTTP API answers JSON, so
// there the code and figures are fields next to its `error`.

export const REFUSALS = {
  /** The host removed this device from the room; it may not come back. */
  removed: "removed",
  roomLocked: "room-locked",
  workshopLocked: "workshop-locked",
  workshopFull: "workshop-full",
  /** A projector view pointed at a workshop's code instead of a team's. */
  workshopNoScreen: "workshop-no-screen",
  /** The room is locked by the server: every seat taken, or closed to newcomers. */
  fullOrLocked: "full-or-locked",
  /** A quick-play round that has ended. */
  roundOver: "round-over",
  /** A quick-play round that has seated as many players as a round can have. */
  roundFull: "round-full",
  /** No room has this code ({room}: the code as typed). */
  noRoom: "no-room",
  /** This address tried too many wrong room codes; {seconds} until it may try again. */
  tooManyCodes: "too-many-codes",
  /** This address joined too many quick-play games; {seconds} until it may join again. */
  tooManyJoins: "too-many-joins",
  /** This address created too many rooms or workshops; {seconds} until it may create again. */
  tooManyCreates: "too-many-creates",
  wrongSecret: "wrong-secret",
  /** This address tried too many wrong host secrets; {seconds} until it may try again. */
  tooManySecrets: "too-many-secrets",
  /** The request carried no host secret, or one not written as Bearer <secret>. */
  noSecret: "no-secret",
  noSession: "no-session",
  /** A host secret that no stored session belongs to. */
  noSessions: "no-sessions",
  /** Only a room's session can be hosted again; a workshop starts afresh. */
  workshopNotAgain: "workshop-not-again",
  /** Room settings that cannot be played (a scenario that does not exist, a phase it lacks). */
  badSettings: "bad-settings",
  /** A room brought back after a restart whose code is in use already ({room}). */
  alreadyOpen: "already-open",
  /** A body longer than {bytes}. */
  bodyTooLarge: "body-too-large",
  /** Anything else a page of ours never sends: a wrong method, path, body or option. */
  badRequest: "bad-request",
  /** The server failed to create the room (the reason is in its log). */
  createFailed: "create-failed",
  /** The session store failed to answer (the reason is in the server's log). */
  storeFailed: "store-failed",
} as const;

export type RefusalCode = (typeof REFUSALS)[keyof typeof REFUSALS];

/** The figures a refusal's words may need. */
export interface RefusalParams {
  /** How long until the address may try again. */
  seconds?: number;
  /** A room code, as it was typed. */
  room?: string;
  bytes?: number;
}

/** A refusal as a client reads it: its code (possibly one newer than the client), figures and the server's English. */
export interface Refusal {
  code: string;
  params: RefusalParams;
  text: string;
}

/** The HTTP API's answer to a refused request. */
export interface ApiRefusal extends RefusalParams {
  error: string;
  code: RefusalCode;
}

const KNOWN = new Set<string>(Object.values(REFUSALS));

export const isRefusalCode = (code: string): code is RefusalCode => KNOWN.has(code);

/** The matchmaker's message for a refusal: "[code key=value…] English". */
export function refusalMessage(code: RefusalCode, text: string, params: RefusalParams = {}): string {
  const figures = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}=${encodeURIComponent(String(v))}`)
    .join("");
  return `[${code}${figures}] ${text}`;
}

const PREFIX = /^\[([a-z][a-z0-9-]*)((?: [a-z]+=[^\s\]]*)*)\] ?([\s\S]*)$/;

/** The code, figures and English in a matchmaker message, or null for a message with no code. */
export function readRefusal(message: string): Refusal | null {
  const m = PREFIX.exec(message);
  if (!m) return null;
  const raw: Record<string, string> = {};
  for (const pair of m[2]!.trim().split(" ").filter(Boolean)) {
    const at = pair.indexOf("=");
    try {
      raw[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
    } catch {
      // A figure that does not decode is left out; the words still come from the code.
    }
  }
  return { code: m[1]!, params: figures(raw), text: m[3]! };
}

/** The JSON answer to a refused HTTP request. */
export function apiRefusal(code: RefusalCode, text: string, params: RefusalParams = {}): ApiRefusal {
  return { error: text, code, ...params };
}

/** The refusal in an HTTP API answer's body, or null for a body without a code. */
export function readApiRefusal(body: unknown): Refusal | null {
  if (typeof body !== "object" || body === null) return null;
  const b = body as Record<string, unknown>;
  if (typeof b.code !== "string") return null;
  return { code: b.code, params: figures(b), text: typeof b.error === "string" ? b.error : "" };
}

/** Only the figures a refusal may have, each of its type (anything else from the wire is dropped). */
function figures(raw: Record<string, unknown>): RefusalParams {
  const out: RefusalParams = {};
  const number = (v: unknown): number | undefined => {
    const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
    return Number.isFinite(n) ? n : undefined;
  };
  const seconds = number(raw.seconds);
  const bytes = number(raw.bytes);
  if (seconds !== undefined) out.seconds = seconds;
  if (bytes !== undefined) out.bytes = bytes;
  if (typeof raw.room === "string") out.room = raw.room;
  return out;
}
