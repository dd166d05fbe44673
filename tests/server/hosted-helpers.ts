// Helpers for the hosted-room tests: create a room through POST /api/rooms, join it as the
// host, a player or a screen, and send host commands.
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import type { Room as ClientRoom } from "colyseus.js";
import { createAppConfig, type AppOptions } from "../../server/app.config.js";
import type { CreatedRoom } from "../../server/hosting/api.js";
import type { ErrorMessage } from "../../shared/protocol/index.js";
import type { HostedRoom } from "../../server/rooms/HostedRoom.js";
import type { HostedState } from "../../server/schema/HostedState.js";
import { MemorySessionStore } from "../../server/storage/memory.js";
import { until } from "./helpers.js";

export type HostedClient = ClientRoom<HostedState>;

/** Rounds go to a fresh memory store unless a test passes its own (tests never write ./data). */
export async function startHostedServer(port: number, opts: AppOptions = {}): Promise<ColyseusTestServer> {
  return boot(createAppConfig({ trustRoomSettings: true, ...opts, store: opts.store ?? new MemorySessionStore() }), port);
}

/** POST /api/rooms; fast ticks unless the body says otherwise. */
export async function createHosted(port: number, body: Record<string, unknown> = { tickMs: 2 }, headers: Record<string, string> = {}): Promise<CreatedRoom> {
  const res = await fetch(`http://127.0.0.1:${port}/api/rooms`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST /api/rooms: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedRoom;
}

async function settled(client: HostedClient): Promise<HostedClient> {
  // Timeline, rounds and summary messages are read where a test needs them; silence the rest.
  client.onMessage("*", () => undefined);
  await until(() => (client.state as HostedState | undefined)?.code !== undefined && client.state.code !== "", "the first state");
  return client;
}

export async function joinHost(server: ColyseusTestServer, created: CreatedRoom): Promise<HostedClient> {
  return settled(await server.sdk.joinById<HostedState>(created.code, { hostSecret: created.hostSecret }));
}

export async function joinPlayer(server: ColyseusTestServer, code: string, name: string, extra: Record<string, unknown> = {}): Promise<HostedClient> {
  const c = await server.sdk.joinById<HostedState>(code, { name, ...extra });
  c.onMessage("*", () => undefined);
  await until(() => c.state?.players?.has(c.sessionId) === true || c.state?.watchers?.has(c.sessionId) === true, "the player's first state");
  return c;
}

export function hostedRoom(server: ColyseusTestServer, code: string): HostedRoom {
  return server.getRoomById(code) as unknown as HostedRoom;
}

export function errorsOf(client: HostedClient): ErrorMessage[] {
  const errors: ErrorMessage[] = [];
  client.onMessage("error", (m: ErrorMessage) => errors.push(m));
  return errors;
}

/** Sends a host command; resolves at its answer (an error or a state patch), or after `ms`. */
export async function command(client: HostedClient, cmd: Record<string, unknown>, errors?: ErrorMessage[], ms = 1000): Promise<void> {
  const before = errors?.length ?? 0;
  let patched = false;
  const onPatch = () => (patched = true);
  client.onStateChange(onPatch);
  client.send("host", cmd);
  const t0 = Date.now();
  while (Date.now() - t0 < ms && !patched && (errors?.length ?? 0) === before) await new Promise((r) => setTimeout(r, 5));
  client.onStateChange.remove(onPatch);
  // An error may follow a patch from an unrelated tick; give it a moment.
  if (patched && errors) await new Promise((r) => setTimeout(r, 30));
}
