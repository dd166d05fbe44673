// Shared set-up for the server tests: a real Colyseus server on a random port, real
// colyseus.js clients, and small waiting helpers (waitForNextPatch never resolves in 0.16).
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import type { Room as ClientRoom } from "colyseus.js";
import { createAppConfig } from "../../server/app.config.js";
import { type ErrorMessage, readRefusal, type Refusal } from "../../shared/protocol/index.js";
import type { SmolderRoom } from "../../server/rooms/SmolderRoom.js";
import type { SmolderState } from "../../server/schema/SmolderState.js";
import { MemorySessionStore } from "../../server/storage/memory.js";

export type Client = ClientRoom<SmolderState>;

/** Each test file passes its own port, so vitest can run the files in parallel. */
export async function startServer(port: number): Promise<ColyseusTestServer> {
  // Tests pick scenario, seed, countdown and tick speed through trusted room settings.
  return boot(createAppConfig({ trustRoomSettings: true, store: new MemorySessionStore() }), port);
}

/** Fast room settings: no countdown, 2 ms ticks, idle bots unless a test asks otherwise. */
export const FAST = { scenario: "startup", seed: 1234, countdownSeconds: 0, tickMs: 2, bots: ["idle"] } as const;

export function serverRoom(server: ColyseusTestServer, client: Client): SmolderRoom {
  return server.getRoomById(client.roomId) as unknown as SmolderRoom;
}

/** What `attempt` was turned away with: the refusal's code, figures and English. Fails if it
 *  succeeds, or is refused without a code. */
export async function refused(attempt: Promise<unknown>): Promise<Refusal> {
  const message = await attempt.then(
    () => {
      throw new Error("expected a refusal, but it succeeded");
    },
    (err: unknown) => String((err as { message?: unknown } | null)?.message ?? err),
  );
  const refusal = readRefusal(message);
  if (!refusal) throw new Error(`refused without a code: ${message}`);
  return refusal;
}

/** The refusal in a message, or a readable failure when it has none (for messages already caught). */
export function refusalIn(message: string): Refusal {
  const refusal = readRefusal(message);
  if (!refusal) throw new Error(`refused without a code: ${message}`);
  return refusal;
}

/** Polls until `cond` holds; fails with `what` after `ms`. */
export async function until(cond: () => boolean, what: string, ms = 5000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Waits for the next state patch the client decodes. */
export function nextPatch(client: Client, ms = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no patch")), ms);
    client.onStateChange.once(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Collects every "error" message a client receives. */
export function collectErrors(client: Client): ErrorMessage[] {
  const errors: ErrorMessage[] = [];
  client.onMessage("error", (m: ErrorMessage) => errors.push(m));
  return errors;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The client's own player entry in the decoded state. */
export function me(client: Client) {
  const p = client.state.players.get(client.sessionId);
  if (!p) throw new Error("own player missing from state");
  return p;
}

/** Resolves once the client has decoded a state that includes itself. */
export async function ready(client: Client): Promise<Client> {
  await until(() => client.state?.players?.has(client.sessionId) === true, "the first state");
  return client;
}

/** Creates a room with these options and waits for the creator's first state. */
export async function createRoom(server: ColyseusTestServer, options: Record<string, unknown>): Promise<Client> {
  return ready(await server.sdk.create<SmolderState>("smolder", options));
}

/** Joins an existing room and waits for the first state. */
export async function joinRoom(server: ColyseusTestServer, roomId: string, options: Record<string, unknown> = {}): Promise<Client> {
  return ready(await server.sdk.joinById<SmolderState>(roomId, options));
}
