// Why the server turned this page away (shared/protocol/refusals.ts), in the page's language:
// a failed join or create from the matchmaker, or a refused HTTP API request.
import { isRefusalCode, readRefusal, type Refusal, REFUSALS } from "../../shared/protocol/index.js";
import { Refused } from "../net/refused.js";
import { t } from "./index.js";

/** The refusal carried by `err`, or null when it carries none (a dropped connection, an older server). */
export function refusalOf(err: unknown): Refusal | null {
  if (err instanceof Refused) return err.refusal;
  const message = (err as { message?: unknown } | null | undefined)?.message;
  return typeof message === "string" ? readRefusal(message) : null;
}

/**
 * The words for a refusal: the catalogue's for a code this client knows, with its figures; else
 * the server's own text (a code newer than this client, or none); else `fallback`, for an error
 * with nothing to say (the server did not answer).
 */
export function refusalText(err: unknown, fallback: string): string {
  const refusal = refusalOf(err);
  if (refusal && isRefusalCode(refusal.code)) return t(`refusals.${refusal.code}`, { ...refusal.params });
  if (refusal) return refusal.text || fallback;
  const message = (err as { message?: unknown } | null | undefined)?.message;
  return typeof message === "string" && message.trim() !== "" ? message : fallback;
}

/** Whether `err` says the room is not there: a wrong or stale code, or a room that has closed. */
export function roomMissing(err: unknown): boolean {
  return refusalOf(err)?.code === REFUSALS.noRoom;
}
