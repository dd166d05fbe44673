// A server that starts brings back every hosted room whose round was in progress when the last
// one stopped (a crash, kill -9, a deploy): each room is opened again under its own code from a
// one-time ticket, as POST /api/rooms opens a new one, and rebuilds its round from its checkpoint
// (see recovery.ts). With several processes on Redis, a room still open in another process keeps
// its code and is left alone there.
import { randomUUID } from "node:crypto";
import { matchMaker } from "@colyseus/core";
import { HOSTED_ROOM_NAME, WORKSHOP_ROOM_NAME } from "../../shared/protocol/index.js";
import { log } from "../log.js";
import type { HostedTicket } from "../rooms/private-room.js";
import type { Checkpoint, SessionStore } from "../storage/store.js";
import type { HostedFacts } from "./recovery.js";
import type { WorkshopFacts } from "./workshop-recovery.js";

export interface RestoreReport {
  restored: string[];
  /** Rooms that could not be opened again, with the reason (their checkpoint is kept). */
  failed: { code: string; reason: string }[];
}

/** Presence topic on which a process that stops for a restart names the rooms it wrote down. */
export const HANDOVER_TOPIC = "smolder:handover";

export async function restoreRooms(store: SessionStore): Promise<RestoreReport> {
  const report: RestoreReport = { restored: [], failed: [] };
  const started = performance.now();
  const checkpoints = await store.listCheckpoints();
  // With several processes, one killed outright still lists its rooms until a health check
  // clears them; that clearing must be over before a room of it reopens here under the same
  // code, or it would delete the new listing with the old. (A second, already running check is
  // shared, not repeated; live processes are not asked.)
  if (checkpoints.length > 0) await matchMaker.healthCheckAllProcesses().catch(() => undefined);
  for (const cp of checkpoints) {
    const failed = await restoreRoom(store, cp.sessionId, cp);
    if (failed) report.failed.push({ code: cp.code, reason: failed });
    else report.restored.push(cp.code);
  }
  const ms = Math.round(performance.now() - started);
  if (report.restored.length || report.failed.length)
    log.info({ event: "rooms-restored", ...report, ms }, `rooms-restored: ${report.restored.length} back, ${report.failed.length} not (${ms} ms)`);
  return report;
}

/**
 * With several processes, one that stops for a deploy names each room it wrote down (see
 * HostedRecovery): another process opens it straight away, so its people land there through
 * the same code. Every process hears it; the code can be claimed once, so one opens it.
 */
export async function takeOverHandovers(store: SessionStore): Promise<void> {
  await matchMaker.presence.subscribe(HANDOVER_TOPIC, (message: { sessionId?: unknown }) => {
    // The process that is stopping hears its own message too.
    if (matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN || typeof message?.sessionId !== "string") return;
    void takeOver(store, message.sessionId);
  });
}

/** Tries of a takeover and the wait before each next one: a store or Redis that hiccups while a
 *  deploy stops a process must not leave the room closed until the next start. */
const TAKEOVER_WAITS_MS = [250, 500, 1000, 2000, 4000];

async function takeOver(store: SessionStore, sessionId: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const failed = await restoreRoom(store, sessionId);
    if (failed === null) return void log.info({ event: "room-taken-over", session: sessionId, attempt }, "room-taken-over");
    // Another process opened it first: that is the takeover working.
    if (/already open/.test(failed)) return;
    const wait = TAKEOVER_WAITS_MS[attempt];
    log.warn({ event: "takeover-failed", session: sessionId, reason: failed, attempt, retryInMs: wait ?? null }, "takeover-failed");
    if (wait === undefined || matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN) return;
    await new Promise((r) => setTimeout(r, wait));
  }
}

/** Opens one written-down room (a hosted room or a workshop lobby) again; null when it is open, else
 *  why not. `known`: its checkpoint, when the caller has just read it (a start lists them all). */
export async function restoreRoom(store: SessionStore, sessionId: string, known?: Checkpoint): Promise<string | null> {
  const [cp, session] = await Promise.all([known ?? store.getCheckpoint(sessionId), store.getSession(sessionId)]);
  const facts = cp?.room as Partial<HostedFacts | WorkshopFacts> | null | undefined;
  if (!cp || !session || (facts?.kind !== "hosted" && facts?.kind !== "workshop")) return "its session or its room's facts are missing";
  const ticket: HostedTicket = {
    sessionId: session.id,
    hostHash: session.hostHash,
    restore: { code: cp.code },
    ...(facts.timing?.tickMs !== undefined && { tickMs: facts.timing.tickMs }),
    ...(facts.timing?.reconnectSeconds !== undefined && { reconnectSeconds: facts.timing.reconnectSeconds }),
  };
  const ticketId = randomUUID();
  await matchMaker.presence.setex(`smolder:ticket:${ticketId}`, JSON.stringify(ticket), 30);
  try {
    await matchMaker.createRoom(facts.kind === "workshop" ? WORKSHOP_ROOM_NAME : HOSTED_ROOM_NAME, { ticket: ticketId });
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
