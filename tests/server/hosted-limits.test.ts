// Per-address limits on hosted rooms: creating rooms, guessing codes and guessing host
// secrets. Addresses come from X-Forwarded-For here (the server is told it sits behind a proxy).
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AddressLimiter } from "../../server/hosting/limits.js";
import { normaliseCode, randomCode } from "../../server/hosting/codes.js";
import { readApiRefusal, readRefusal, REFUSALS, ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from "../../shared/protocol/index.js";
import { refusalIn } from "./helpers.js";
import { createHosted, startHostedServer } from "./hosted-helpers.js";
import { freePort } from "../../tools/cluster.js";

let PORT = 0;
let base = "";
let server: ColyseusTestServer;
beforeAll(async () => {
  PORT = await freePort();
  base = `http://127.0.0.1:${PORT}`;
  server = await startHostedServer(PORT, { trustProxy: true, limits: { createBurst: 3, createEverySeconds: 600, failBurst: 4, failEverySeconds: 600 } });
});
afterAll(async () => {
  await server.shutdown();
});

/** A joinById through the matchmaker's HTTP route, as from `address`. */
async function joinAs(address: string, code: string, options: Record<string, unknown> = {}): Promise<{ error?: string; room?: unknown }> {
  const res = await fetch(`${base}/matchmake/joinById/${code}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify(options),
  });
  return (await res.json()) as { error?: string; room?: unknown };
}

describe("room codes", () => {
  it("are six characters from an alphabet without look-alikes, and normalise what people type", () => {
    for (const c of ["0", "O", "1", "I", "L"]) expect(ROOM_CODE_ALPHABET).not.toContain(c);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = randomCode();
      expect(code).toHaveLength(ROOM_CODE_LENGTH);
      expect(normaliseCode(code.toLowerCase())).toBe(code);
      seen.add(code);
    }
    expect(seen.size).toBeGreaterThan(1990);
    expect(normaliseCode(" ab3-4cd ")).toBeNull(); // B is not in the alphabet
    expect(normaliseCode("7k4-x9q")).toBe("7K4X9Q");
    expect(normaliseCode("0OIL11")).toBeNull();
  });
});

describe("per-address limits", () => {
  it("stops an address that keeps trying wrong codes, and nobody else; right codes cost nothing", async () => {
    // Creation is limited too; this test's rooms come from their own address.
    const created = await createHosted(PORT, { tickMs: 2 }, { "x-forwarded-for": "10.0.0.1" });
    // A class behind one address joining the right code is never slowed down.
    for (let i = 0; i < 6; i++) expect((await joinAs("10.0.0.2", created.code, { name: `S${i}` })).room).toBeDefined();
    // Wrong codes: four tries, then the address is stopped, even for the right code.
    for (let i = 0; i < 4; i++) {
      const typed = "QQQQQ" + ROOM_CODE_ALPHABET[i]!;
      expect(readRefusal((await joinAs("10.0.0.3", typed)).error ?? "")).toEqual({
        code: REFUSALS.noRoom,
        params: { room: typed },
        text: `No room with code "${typed}". Check the code and try again.`,
      });
    }
    const stopped = refusalIn((await joinAs("10.0.0.3", "QQQQQQ")).error ?? "");
    expect(stopped).toMatchObject({ code: REFUSALS.tooManyCodes, params: { seconds: expect.any(Number) } });
    expect(stopped.text).toMatch(/^Too many wrong room codes from your address\. Try again in \d+ s\.$/);
    expect(refusalIn((await joinAs("10.0.0.3", created.code, { name: "Late" })).error ?? "").code).toBe(REFUSALS.tooManyCodes);
    // Another address is unaffected.
    expect((await joinAs("10.0.0.4", created.code, { name: "Other" })).room).toBeDefined();
  });

  it("limits room creation per address", async () => {
    const headers = { "content-type": "application/json", "x-forwarded-for": "10.0.1.1" };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${base}/api/rooms`, { method: "POST", headers, body: "{}" })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const again = await fetch(`${base}/api/rooms`, { method: "POST", headers, body: "{}" });
    expect(readApiRefusal(await again.json())).toMatchObject({ code: REFUSALS.tooManyCreates, params: { seconds: expect.any(Number) } });
    const other = await fetch(`${base}/api/rooms`, { method: "POST", headers: { ...headers, "x-forwarded-for": "10.0.1.2" }, body: "{}" });
    expect(other.status).toBe(201);
    const bad = await fetch(`${base}/api/rooms`, { method: "POST", headers: { ...headers, "x-forwarded-for": "10.0.1.3" }, body: "{not json" });
    expect(bad.status).toBe(400);
  });

  it("counts wrong host secrets against the address too", async () => {
    const created = await createHosted(PORT, { tickMs: 2 }, { "x-forwarded-for": "10.0.2.1" });
    // The secret is checked when the socket joins; the socket's address is loopback in tests.
    const errors: string[] = [];
    for (let i = 0; i < 5; i++) await server.sdk.joinById(created.code, { hostSecret: `guess-${i}` }).catch((e: Error) => errors.push(e.message));
    expect(errors.slice(0, 4).map((m) => refusalIn(m).code)).toEqual(Array<string>(4).fill(REFUSALS.wrongSecret));
    expect(errors[0]).toMatch(/wrong host secret for this room/);
    // Wrong codes and wrong secrets spend one budget; the room-code guard, which looks first, says so.
    expect(refusalIn(errors[4]!)).toMatchObject({ code: REFUSALS.tooManyCodes, params: { seconds: expect.any(Number) } });
  });

  it("a limiter refills over time", () => {
    let now = 0;
    const lim = new AddressLimiter(2, 10, () => now);
    expect(lim.take("a") && lim.take("a")).toBe(true);
    expect(lim.take("a")).toBe(false);
    expect(lim.waitSeconds("a")).toBe(10);
    now += 10_000;
    expect(lim.allowed("a")).toBe(true);
    expect(lim.take("a")).toBe(true);
  });
});
