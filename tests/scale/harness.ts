// The scale tests: two server processes on a redis-server of their own (tools/cluster.ts),
// reached with real colyseus.js clients over loopback.
import { Client, type Room } from "colyseus.js";
import { redisAvailable } from "../../tools/cluster.js";
import type { ErrorMessage } from "../../shared/protocol/index.js";
import type { HostedState } from "../../server/schema/HostedState.js";

export * from "../../tools/cluster.js";

/** In CI the scale tests are mandatory: a missing redis-server fails them instead of skipping. */
export const runScaleTests = redisAvailable || process.env.CI === "true";

export type HostedClient = Room<HostedState>;

export async function until(cond: () => boolean | Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The port a client's WebSocket went to: the process its room lives on. */
export function socketPort(room: Room): number {
  const url = (room.connection as unknown as { transport: { ws: { url: string } } }).transport.ws.url;
  return Number(new URL(url).port);
}

/** What a connection hears: "error" messages and the close code. */
export interface Heard {
  errors: ErrorMessage[];
  closeCode: number | null;
}

export function listen(room: Room): Heard {
  const heard: Heard = { errors: [], closeCode: null };
  room.onMessage("*", () => undefined);
  room.onMessage("error", (m: ErrorMessage) => heard.errors.push(m));
  room.onLeave((code) => (heard.closeCode = code));
  return heard;
}

/** POST /api/rooms on one process. */
export async function createHosted(baseUrl: string, body: Record<string, unknown> = {}): Promise<{ code: string; hostSecret: string; sessionId: string }> {
  const res = await fetch(`${baseUrl}/api/rooms`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`POST /api/rooms: ${res.status} ${await res.text()}`);
  return (await res.json()) as { code: string; hostSecret: string; sessionId: string };
}

export function clientOf(baseUrl: string): Client {
  return new Client(baseUrl);
}
