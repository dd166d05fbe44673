// X-Forwarded-For and X-Real-IP are honoured only with SMOLDER_TRUST_PROXY=1. Colyseus's
// WebSocket transport used to take them from anyone, so wrong host secrets sent with a new
// forged address each time were never limited (and a forged victim's address spent the victim's
// budget). Two real server processes: one trusting no proxy, one behind a "proxy".
import { Client } from "colyseus.js";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../server/hosting/limits.js";
import { readRefusal, REFUSALS } from "../../shared/protocol/index.js";
import { freePort, type GameServer, startGameServer } from "../../tools/cluster.js";

const started: GameServer[] = [];
afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
});

async function serve(env: Record<string, string> = {}): Promise<GameServer> {
  const server = await startGameServer({ port: await freePort(), dataDir: ":memory:", env });
  started.push(server);
  return server;
}

async function hostedRoom(server: GameServer): Promise<string> {
  const res = await fetch(`${server.url}/api/rooms`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  expect(res.status).toBe(201);
  return ((await res.json()) as { code: string }).code;
}

/** One host join with a wrong secret, sent with these headers; resolves with the refusal's code (or what happened instead). */
async function wrongSecret(server: GameServer, code: string, headers: Record<string, string>): Promise<string> {
  const sdk = new Client(`ws://127.0.0.1:${server.port}`, { headers });
  try {
    const room = await sdk.joinById(code, { hostSecret: "not-the-secret-at-all" });
    await room.leave();
    return "joined";
  } catch (err) {
    const message = (err as Error).message;
    return readRefusal(message)?.code ?? message;
  }
}

const TRIES = DEFAULT_LIMITS.failBurst + 2;

describe("client addresses", () => {
  it("without SMOLDER_TRUST_PROXY, forged forwarding headers do not get a fresh budget of wrong secrets", async () => {
    const server = await serve();
    const code = await hostedRoom(server);
    const answers: string[] = [];
    for (let i = 0; i < TRIES; i++) answers.push(await wrongSecret(server, code, { "x-forwarded-for": `10.9.${i}.1`, "x-real-ip": `10.8.${i}.1` }));
    // The budget is the socket's: the same for every forged address. (The room-code guard and the
    // host-secret check share it, so the refusal may name either.)
    expect(
      answers.slice(0, DEFAULT_LIMITS.failBurst).every((a) => a === REFUSALS.wrongSecret),
      answers.join("\n"),
    ).toBe(true);
    expect(
      answers.slice(DEFAULT_LIMITS.failBurst).every((a) => a === REFUSALS.tooManySecrets || a === REFUSALS.tooManyCodes),
      answers.join("\n"),
    ).toBe(true);
  });

  it("with SMOLDER_TRUST_PROXY=1, the forwarded address is the one limited", async () => {
    const server = await serve({ SMOLDER_TRUST_PROXY: "1" });
    const code = await hostedRoom(server);
    const answers: string[] = [];
    for (let i = 0; i < TRIES; i++) answers.push(await wrongSecret(server, code, { "x-forwarded-for": "10.9.0.1, 127.0.0.1" }));
    expect([REFUSALS.tooManySecrets, REFUSALS.tooManyCodes]).toContain(answers.at(-1));
    // Someone else behind the same proxy is not locked out.
    expect(await wrongSecret(server, code, { "x-forwarded-for": "10.9.0.2" })).toBe(REFUSALS.wrongSecret);
  });
});
