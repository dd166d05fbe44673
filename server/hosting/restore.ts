// A server that starts brings back every hosted room whose round was in progress when the last
// one stopped (a crash, kill -9, a deploy): each room is opened again under its own code from a
// one-time ticket, as POST /api/rooms opens a new one, and rebuilds its round from its checkpoint
// (see recovery.ts). With several processes on Redis, a room still open in another process keeps
// its code and is left alone there.
import { randomUUID } from "node:crypto";
import { matchMaker } from "@colyseus/core";
import { HOSTED_ROOM_NAME } from "../../shared/protocol/index.js";
import { log } from "../log.js";
import type { HostedTicket } from "../rooms/private-room.js";
import type { SessionStore } from "../storage/store.js";
import type { HostedFacts } from "./recovery.js";

export interface RestoreReport {
  restored: string[];
  /** Rooms that could not be opened again, with the reason (their checkpoint is kept). */
  failed: { code: string; reason: string }[];
}

export async function restoreRooms(store: SessionStore): Promise<RestoreReport> {
  const report: RestoreReport = { restored: [], failed: [] };
  const started = performance.now();
  for (const cp of await store.listCheckpoints()) {
    const facts = cp.room as Partial<HostedFacts> | null;
    const session = await store.getSession(cp.sessionId);
    if (!session || facts?.kind !== "hosted") {
      report.failed.push({ code: cp.code, reason: "its session or its room's facts are missing" });
      continue;
    }
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
      await matchMaker.createRoom(HOSTED_ROOM_NAME, { ticket: ticketId });
      report.restored.push(cp.code);
    } catch (err) {
      report.failed.push({ code: cp.code, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  const ms = Math.round(performance.now() - started);
  if (report.restored.length || report.failed.length)
    log.info({ event: "rooms-restored", ...report, ms }, `rooms-restored: ${report.restored.length} back, ${report.failed.length} not (${ms} ms)`);
  return report;
}
