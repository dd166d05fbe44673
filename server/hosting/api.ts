// The hosted rooms' HTTP front door: POST /api/rooms creates a private room and answers its
// code, join link, QR code and host secret; a guard on the matchmaker's joinById turns a
// wrong code into a clear refusal and limits how many wrong codes one address may try.
// Refusals carry a code for the client's words (shared/protocol/refusals.ts).
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ErrorCode, matchMaker } from "@colyseus/core";
import QRCode from "qrcode";
import { z } from "zod";
import { BodyTooLarge, readText, refuseTooLarge } from "../body.js";
import { apiRefusal, HOSTED_ROOM_NAME, REFUSALS, type RefusalCode, type RefusalParams, ROOM_NAME, WORKSHOP_ROOM_NAME } from "../../shared/protocol/index.js";
import type { HostedTicket, WorkshopTicket } from "../rooms/private-room.js";
import { hashSecret, normaliseCode, randomSecret } from "./codes.js";
import { addressOf } from "./limits.js";
import { joinOrigin } from "./origin.js";
import { hosting } from "./registry.js";
import { log } from "../log.js";
import { refusal } from "../refusals.js";

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface CreatedRoom {
  code: string;
  joinUrl: string;
  hostSecret: string;
  /** The facilitation session: one per hosted room, naming its rounds in the store. */
  sessionId: string;
  /** The join link as a QR code, an SVG document. */
  qrSvg: string;
}

/** Body of POST /api/rooms: a stored session to host again (its secret as the Bearer token). */
const createBody = z.object({ sessionId: z.string().uuid().optional() }).strip();
/** Also honoured, on a server that trusts room settings only (tests). */
const trustedBody = z
  .object({
    tickMs: z.number().min(1).max(1000).optional(),
    reconnectSeconds: z.number().min(0.1).max(300).optional(),
  })
  .strip();

/** A host secret presented as `Authorization: Bearer <secret>`, or null. */
export function bearerOf(req: IncomingMessage): string | null {
  const m = /^Bearer\s+(\S{16,128})$/.exec(String(req.headers.authorization ?? ""));
  return m ? m[1]! : null;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

/** A refused request: the code and figures for the page's words, the English for everyone else. */
export function refuse(res: ServerResponse, status: number, code: RefusalCode, english: string, params?: RefusalParams): void {
  send(res, status, apiRefusal(code, english, params));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const text = (await readText(req)).trim();
  return text ? (JSON.parse(text) as unknown) : {};
}

/** The two things a facilitator can create: a private room, or a team workshop's lobby. */
const CREATES = {
  "/api/rooms": { roomName: HOSTED_ROOM_NAME, kind: "room", what: "a room" },
  "/api/workshops": { roomName: WORKSHOP_ROOM_NAME, kind: "workshop", what: "a workshop" },
} as const;

/** GET /api/join-origin: where join links should point, and why (the consoles and the projector ask). */
export const joinOriginApi: Handler = (req, res, next) => {
  if ((req.url ?? "").split("?")[0] !== "/api/join-origin") return next();
  if (req.method !== "GET") return refuse(res, 405, REFUSALS.badRequest, "use GET");
  send(res, 200, joinOrigin(req));
};

export function createRoomsApi(opts: { trustRoomSettings: boolean }): Handler {
  return (req, res, next) => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const target = path === "/api/rooms" || path === "/api/workshops" ? CREATES[path] : null;
    if (!target) return next();
    if (req.method !== "POST") return refuse(res, 405, REFUSALS.badRequest, `use POST to create ${target.what}`);
    const address = addressOf(req, hosting.trustProxy);
    if (!hosting.creates.take(address)) {
      const seconds = hosting.creates.waitSeconds(address);
      return refuse(res, 429, REFUSALS.tooManyCreates, `too many rooms created from your address; try again in ${seconds} s`, { seconds });
    }
    void (async () => {
      let body: unknown;
      try {
        body = await readBody(req);
      } catch (err) {
        if (err instanceof BodyTooLarge) return refuseTooLarge(req, res, err.limit);
        return refuse(res, 400, REFUSALS.badRequest, "the body must be JSON (or empty)");
      }
      const asked = createBody.safeParse(body ?? {});
      if (!asked.success) return refuse(res, 400, REFUSALS.badRequest, "sessionId must be a session id (a UUID)");
      const parsed = trustedBody.safeParse(body ?? {});
      const extra = opts.trustRoomSettings && parsed.success ? parsed.data : {};
      // A facilitator who already has a secret keeps it, so one secret lists all their sessions.
      const presented = bearerOf(req);
      if (req.headers.authorization !== undefined && !presented)
        return refuse(res, 401, REFUSALS.noSecret, "the Authorization header must be Bearer <host secret> (16 to 128 characters)");
      const hostSecret = presented ?? randomSecret();
      const hostHash = hashSecret(hostSecret).toString("hex");
      let sessionId: string = randomUUID();
      let createdAt = Date.now();
      if (asked.data.sessionId) {
        if (target.kind === "workshop") return refuse(res, 400, REFUSALS.workshopNotAgain, "a workshop is not hosted again; create a new one");
        const stored = await hosting.store.getSession(asked.data.sessionId);
        if (!stored) return refuse(res, 404, REFUSALS.noSession, "no stored session with that id");
        if (!presented || stored.hostHash !== hostHash)
          return refuse(res, 401, REFUSALS.wrongSecret, "hosting a stored session again needs its host secret as Authorization: Bearer <secret>");
        sessionId = stored.id;
        createdAt = stored.createdAt;
      }
      // Stored first: a store that refuses the session answers 500 before any room exists (a room
      // whose rounds could never be stored is worse than none). The code is added once known.
      const session = { id: sessionId, kind: target.kind, hostHash, code: "", createdAt };
      await hosting.store.saveSession(session);
      const ticketId = randomUUID();
      const ticket: HostedTicket & WorkshopTicket = { sessionId, hostHash, ...extra };
      // The secret's hash travels through presence, not through room options.
      await matchMaker.presence.setex(`smolder:ticket:${ticketId}`, JSON.stringify(ticket), 30);
      const room = await matchMaker.createRoom(target.roomName, { ticket: ticketId });
      const code = room.roomId;
      try {
        await hosting.store.saveSession({ ...session, code });
      } catch (err) {
        await matchMaker.remoteRoomCall(code, "disconnect").catch(() => undefined);
        throw err;
      }
      const joinUrl = `${joinOrigin(req).origin}/join/${code}`;
      const qrSvg = await QRCode.toString(joinUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
      const created: CreatedRoom = { code, joinUrl, hostSecret, sessionId, qrSvg };
      send(res, 201, created);
    })().catch((err: unknown) => {
      log.error({ event: "http-error", method: "POST", path, err }, "http-error");
      if (!res.headersSent) refuse(res, 500, REFUSALS.createFailed, `could not create ${target.what}`);
    });
  };
}

type InvokeMethod = (method: string, roomName: string, clientOptions: unknown, authOptions?: { req?: IncomingMessage }) => Promise<unknown>;
let guardInstalled = false;
/** Matchmaker methods that seat someone in a quick-play room picked (or made) by the server. */
const QUICK_PLAY_JOINS = new Set(["joinOrCreate", "create", "join"]);

/**
 * Wraps the matchmaker's joinById (the only way into a private room): a code is upper-cased
 * and tidied, a wrong one says so plainly, and an address that keeps trying wrong codes is
 * stopped for a while. Right codes never cost anything, so a class behind one address is fine.
 * Quick-play joins cost a token each, from a budget a class fits in but a join-leave loop does not.
 */
export function installJoinGuard(): void {
  if (guardInstalled) return;
  guardInstalled = true;
  const controller = matchMaker.controller as unknown as { invokeMethod: InvokeMethod };
  const original = controller.invokeMethod.bind(controller);
  controller.invokeMethod = async (method, roomName, clientOptions, authOptions) => {
    const address = addressOf(authOptions?.req, hosting.trustProxy);
    if (QUICK_PLAY_JOINS.has(method) && roomName === ROOM_NAME && !hosting.joins.take(address)) {
      const seconds = hosting.joins.waitSeconds(address);
      throw refusal(ErrorCode.MATCHMAKE_UNHANDLED, REFUSALS.tooManyJoins, `Too many games joined from your address. Try again in ${seconds} s.`, { seconds });
    }
    if (method !== "joinById") return original(method, roomName, clientOptions, authOptions);
    if (!hosting.failures.allowed(address)) {
      const seconds = hosting.failures.waitSeconds(address);
      throw refusal(ErrorCode.MATCHMAKE_INVALID_ROOM_ID, REFUSALS.tooManyCodes, `Too many wrong room codes from your address. Try again in ${seconds} s.`, {
        seconds,
      });
    }
    const code = normaliseCode(roomName);
    const id = code ?? roomName;
    try {
      return await original(method, id, clientOptions, authOptions);
    } catch (err) {
      const e = err as { code?: number; message?: string };
      if (e.code === ErrorCode.MATCHMAKE_INVALID_ROOM_ID && /not found/.test(e.message ?? "")) {
        hosting.failures.take(address);
        const typed = String(roomName).slice(0, 12);
        throw refusal(ErrorCode.MATCHMAKE_INVALID_ROOM_ID, REFUSALS.noRoom, `No room with code "${typed}". Check the code and try again.`, { room: typed });
      }
      // Colyseus' own words for a room that takes nobody more (locked, or every seat reserved),
      // under the status it gave them (a reconnecting page reads "gone" from it).
      if ((e.code === ErrorCode.MATCHMAKE_INVALID_ROOM_ID && /locked/.test(e.message ?? "")) || /is already full/.test(e.message ?? ""))
        throw refusal((e.code ?? ErrorCode.MATCHMAKE_UNHANDLED) as ErrorCode, REFUSALS.fullOrLocked, "This room is full or locked.");
      throw err;
    }
  };
}
