// Request bodies: every HTTP route reads at most MAX_HTTP_BODY_BYTES and answers a larger one
// with 413. The matchmaker's routes (/matchmake/*) are Colyseus's own and read their bodies
// before Express sees the request, so they are limited by wrapping the server's handler.
import type { IncomingMessage, ServerResponse } from "node:http";
import { apiRefusal, REFUSALS } from "../shared/protocol/index.js";

/** Room options, a session id or a host command: none comes near this. */
export const MAX_HTTP_BODY_BYTES = 4096;

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
  }
}

/** The declared Content-Length, or null when the body is chunked (or absent). */
function declaredLength(req: IncomingMessage): number | null {
  const raw = req.headers["content-length"];
  if (raw === undefined) return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/**
 * Answers 413 and closes the connection once the answer is out. The rest of the body is read
 * and thrown away meanwhile (destroying the request at once would lose the answer).
 */
export function refuseTooLarge(req: IncomingMessage, res: ServerResponse, limit = MAX_HTTP_BODY_BYTES): void {
  req.removeAllListeners("data");
  req.removeAllListeners("end");
  req.resume();
  if (res.headersSent) return void req.destroy();
  res.writeHead(413, { "content-type": "application/json", connection: "close", "cache-control": "no-store" });
  res.end(JSON.stringify(apiRefusal(REFUSALS.bodyTooLarge, `the request body may be at most ${limit} bytes`, { bytes: limit })), () => req.destroy());
}

/** Reads the whole body as text, or throws BodyTooLarge as soon as it passes `limit`. */
export function readText(req: IncomingMessage, limit = MAX_HTTP_BODY_BYTES): Promise<string> {
  const declared = declaredLength(req);
  if (declared !== null && declared > limit) return Promise.reject(new BodyTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.off("end", onEnd);
        reject(new BodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString("utf8"));
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", reject);
  });
}

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** First in the Express chain: a declared body over the limit is refused before any route. */
export const bodyLimit: Handler = (req, res, next) => {
  const declared = declaredLength(req);
  if (declared !== null && declared > MAX_HTTP_BODY_BYTES) return refuseTooLarge(req, res);
  next();
};

/** Colyseus's Server, whose matchmaking handler is protected (wrapped here on purpose). */
export interface MatchmakeServer {
  handleMatchMakeRequest(req: IncomingMessage, res: ServerResponse): unknown;
}

/**
 * Colyseus collects a matchmaking body in memory without a limit before parsing it. The wrapper
 * refuses a declared oversize body outright and stops a chunked one at the limit: its listener
 * runs before Colyseus's, so Colyseus never answers a body it did not see in full.
 */
export function limitMatchmakeBodies(server: MatchmakeServer, limit = MAX_HTTP_BODY_BYTES): void {
  const original = server.handleMatchMakeRequest.bind(server);
  server.handleMatchMakeRequest = (req, res) => {
    const declared = declaredLength(req);
    if (declared !== null && declared > limit) return refuseTooLarge(req, res, limit);
    let size = 0;
    const count = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) refuseTooLarge(req, res, limit);
    };
    req.on("data", count);
    return original(req, res);
  };
}
