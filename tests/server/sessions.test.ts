// Stored sessions end to end: rounds played in a hosted room survive a full server restart
// on the same DATA_DIR, replay to their hash, carry on when hosted again, and come back
// through the sessions API and its exports, only for the holder of the host secret. A workshop
// answers and exports with all its teams' sessions and rounds.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAppConfig } from "../../server/app.config.js";
import type { CreatedRoom } from "../../server/hosting/api.js";
import { hashSecret } from "../../server/hosting/codes.js";
import { hosting } from "../../server/hosting/registry.js";
import { type RoundRecord, replayRound } from "../../server/hosting/rounds.js";
import type { SessionRecord } from "../../server/storage/store.js";
import { EFFORTS, type RoundSummary, stateHash } from "../../shared/index.js";
import { REFUSALS } from "../../shared/protocol/index.js";
import { csvObjects, parseCsv } from "./csv.js";
import { until } from "./helpers.js";
import { command, createHosted, joinHost, joinPlayer } from "./hosted-helpers.js";
import { playedRound } from "./round-fixture.js";
import { freePort } from "../../tools/cluster.js";

let PORT = 0;
let BASE = "";
const dir = mkdtempSync(join(tmpdir(), "smolder-sessions-"));
// The server opens its own store from DATA_DIR, as `npm start` does, and closes it on shutdown.
const start = () => boot(createAppConfig({ trustRoomSettings: true, limits: { createBurst: 1000 } }), PORT);

let server: ColyseusTestServer;
let created: CreatedRoom;
const summaries: RoundSummary[] = [];
const NAMES = ["=SUM(1,2)", 'Bo "B", jr'];

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text(): string;
  json(): unknown;
}

/** One request on its own connection: a pooled keep-alive socket would outlive the server restart. */
function request(method: string, path: string, secret?: string | null, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (secret) headers.authorization = `Bearer ${secret}`;
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${BASE}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const buf = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: buf,
          text: () => buf.toString("utf8"),
          json: () => JSON.parse(buf.toString("utf8")) as unknown,
        });
      });
    });
    req.on("error", reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}
const get = (path: string, secret?: string | null) => request("GET", path, secret);
const getJson = async <T>(path: string, secret: string): Promise<T> => {
  const res = await get(path, secret);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.text()}`);
  return res.json() as T;
};
const hostAgain = async (secret: string | null): Promise<Answer> => request("POST", "/api/rooms", secret, { sessionId: created.sessionId, tickMs: 2 });

beforeAll(async () => {
  PORT = await freePort();
  BASE = `http://127.0.0.1:${PORT}`;
  vi.stubEnv("DATA_DIR", dir);
  server = await start();
});
afterAll(async () => {
  await server.shutdown();
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

/** Expected per-player figures of a summary, as the store and the exports must give them back. */
const figures = (s: RoundSummary) =>
  s.players.map((p) => ({ seat: p.seat, name: p.name, bot: p.bot, praise: p.praise, direct: p.direct, indirect: p.indirect, net: p.net, saves: p.saves }));

describe("rounds survive a restart", () => {
  it("two rounds are played, the server shut down and booted again on the same file: the rounds are intact", async () => {
    created = await createHosted(PORT);
    const host = await joinHost(server, created);
    const a = await joinPlayer(server, created.code, NAMES[0]!);
    const b = await joinPlayer(server, created.code, NAMES[1]!);
    a.onMessage("summary", (s: RoundSummary) => {
      // The message adds a recap for the results screen; the stored round keeps the plain summary.
      const { recap: _recap, ...plain } = s as RoundSummary & { recap?: unknown };
      summaries.push(plain);
    });
    await command(host, { command: "settings", scenario: "startup", durationSeconds: 10, seats: 3, bots: ["hero"], seed: 31 });
    await command(host, { command: "start", countdownSeconds: 0 });
    await until(() => a.state.stage === "ended" && summaries.length === 1, "round 1 played out", 20_000);
    await command(host, { command: "settings", durationSeconds: 12, seats: 4, bots: ["preventer", "balanced"], seed: 32 });
    await command(host, { command: "nextRound" });
    await until(() => a.state.stage === "lobby" && a.state.round === 2, "round 2");
    await command(host, { command: "start", countdownSeconds: 0 });
    await until(() => a.state.stage === "ended" && summaries.length === 2, "round 2 played out", 20_000);
    expect(summaries[0]!.players.map((p) => p.name)).toEqual(expect.arrayContaining(NAMES));
    for (const x of [a, b, host]) await x.leave();

    await server.shutdown();
    server = await start();

    const { session, rounds } = await getJson<{ session: Record<string, unknown>; rounds: RoundRecord[] }>(
      `/api/sessions/${created.sessionId}`,
      created.hostSecret,
    );
    expect(session).toEqual({ id: created.sessionId, kind: "room", code: created.code, createdAt: expect.any(Number) });
    expect(rounds.map((r) => r.round)).toEqual([1, 2]);
    expect(rounds.map((r) => r.summary)).toEqual(summaries);
    expect(rounds.map((r) => [r.seed, r.seats, r.scenario.durationSeconds, r.customisation.durationSeconds])).toEqual([
      [31, 3, 10, 10],
      [32, 4, 12, 12],
    ]);
    for (const r of rounds) {
      expect(r.log.length).toBeGreaterThan(0);
      expect(r.timeline.fires).toHaveLength(r.summary.seconds);
      // A stored log replays to the stored final state.
      expect(stateHash(replayRound(r.scenario, r.seed, r.log, r.ticks))).toBe(r.hash);
    }

    const listed = await getJson<Record<string, unknown>[]>("/api/sessions", created.hostSecret);
    expect(listed).toEqual([
      { id: created.sessionId, kind: "room", code: created.code, createdAt: session.createdAt, rounds: 2, lastPlayedAt: rounds[1]!.endedAt, teams: 0 },
    ]);
  }, 60_000);

  it("hosting the stored session again carries on at round 3, with its secret only", async () => {
    expect((await hostAgain(null)).status).toBe(401);
    expect((await hostAgain("x".repeat(32))).status).toBe(401);
    const answer = await hostAgain(created.hostSecret);
    expect(answer.status).toBe(201);
    const again = answer.json() as CreatedRoom;
    expect(again.sessionId).toBe(created.sessionId);
    expect(again.hostSecret).toBe(created.hostSecret);
    const host = await joinHost(server, again);
    await until(() => host.state.round === 3, "round 3 next");
    await host.leave();
    // The session is now listed under the new code.
    const { session, teams } = await getJson<{ session: { code: string }; teams: unknown[] }>(`/api/sessions/${created.sessionId}`, created.hostSecret);
    expect(session.code).toBe(again.code);
    expect(teams).toEqual([]);
  });
});

describe("exports", () => {
  it("JSON: one document whose per-player figures are the room's summaries", async () => {
    const res = await get(`/api/sessions/${created.sessionId}/export?format=json`, created.hostSecret);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="smolder-[A-Z0-9]{6}-\d{4}-\d{2}-\d{2}\.json"$/);
    const doc = res.json() as {
      session: { id: string };
      rounds: { round: number; hash: string; players: RoundSummary["players"]; outcome: { value: number }; log: unknown[]; timeline: { fires: number[] } }[];
    };
    expect(doc.session.id).toBe(created.sessionId);
    expect(doc.rounds.map((r) => r.players)).toEqual(summaries.map((s) => s.players));
    expect(doc.rounds.map((r) => r.outcome.value)).toEqual(summaries.map((s) => s.value));
    expect(doc.rounds.every((r) => r.log.length > 0 && r.timeline.fires.length > 0)).toBe(true);
  });

  it("CSV: a zip of tables; players.csv matches the summaries, names defused", async () => {
    const res = await get(`/api/sessions/${created.sessionId}/export?format=csv`, created.hostSecret);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    expect(res.headers["content-disposition"]).toMatch(/filename="smolder-[A-Z0-9]{6}-\d{4}-\d{2}-\d{2}\.zip"$/);
    const files = unzipSync(new Uint8Array(res.body));
    expect(Object.keys(files).sort()).toEqual(["effort.csv", "log.csv", "players.csv", "rounds.csv", "timeline.csv"]);
    const players = csvObjects(strFromU8(files["players.csv"]!));
    const expected = summaries.flatMap((s, i) => figures(s).map((p) => ({ round: i + 1, ...p })));
    expect(
      players.map((p) => ({
        round: Number(p.round),
        seat: Number(p.seat),
        name: p.name,
        bot: p.bot || null,
        praise: Number(p.praise),
        direct: Number(p.direct),
        indirect: Number(p.indirect),
        net: Number(p.net),
        saves: Number(p.saves),
      })),
    ).toEqual(expected.map((p) => ({ ...p, name: p.name.startsWith("=") ? `'${p.name}` : p.name })));
    const timeline = csvObjects(strFromU8(files["timeline.csv"]!));
    expect(timeline).toHaveLength(summaries.reduce((n, s) => n + s.seconds, 0));
    expect(Object.keys(timeline[0]!)).toEqual(["team", "round", "second", "fires", "risk", "value", "praise", ...EFFORTS.map((e) => `effort_${e}`)]);
    // A plain session's rows have no team.
    expect(new Set([...players, ...timeline].map((row) => row.team))).toEqual(new Set([""]));
  });

  it("one table per request, as text/csv", async () => {
    const res = await get(`/api/sessions/${created.sessionId}/export?format=csv&table=rounds`, created.hostSecret);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.headers["content-disposition"]).toMatch(/-rounds\.csv"$/);
    const rounds = csvObjects(res.text());
    expect(rounds.map((r) => Number(r.value))).toEqual(summaries.map((s) => s.value));
  });
});

describe("a workshop's stored sessions", () => {
  // Saved straight into the store the server was booted with, as the workshop room and its
  // team rooms save them.
  const SECRET = `workshop-secret-${"w".repeat(24)}`;
  const hostHash = hashSecret(SECRET).toString("hex");
  const workshop: SessionRecord = { id: "a0000000-0000-4000-8000-000000000001", kind: "workshop", hostHash, code: "WKSHPA", createdAt: 1_700_000_000_000 };
  const team = (n: number, name: string): SessionRecord => ({
    id: `a0000000-0000-4000-8000-00000000001${n}`,
    kind: "room",
    hostHash,
    code: `TEAM${"CD"[n - 1]}${"EF"[n - 1]}`,
    createdAt: workshop.createdAt + n * 1000,
    parentId: workshop.id,
    team: name,
  });
  const EVIL = '=HYPERLINK("http://x","y")';
  const red = team(1, "Red");
  const evil = team(2, EVIL);
  const { hostHash: _, ...publicWorkshop } = workshop;
  const publicOf = ({ hostHash: _h, ...rest }: SessionRecord) => rest;
  let redRounds: RoundRecord[];
  let evilRounds: RoundRecord[];
  const path = `/api/sessions/${workshop.id}`;

  beforeAll(async () => {
    redRounds = [playedRound(red.id, 1), playedRound(red.id, 2, { team: ["preventer", "hero"] })];
    evilRounds = [playedRound(evil.id, 1, { seed: 5, names: ["@Ann"] })];
    await hosting.store.saveSession(workshop);
    await hosting.store.saveSession(red);
    await hosting.store.saveSession(evil);
    for (const r of [...redRounds, ...evilRounds]) await hosting.store.saveRound(r);
  });

  it("GET the workshop: its session, no rounds of its own, and every team's session and rounds", async () => {
    const body = await getJson<unknown>(path, SECRET);
    expect(body).toEqual(
      JSON.parse(
        JSON.stringify({
          session: publicWorkshop,
          rounds: [],
          teams: [
            { session: publicOf(red), rounds: redRounds },
            { session: publicOf(evil), rounds: evilRounds },
          ],
        }),
      ),
    );
    expect(JSON.stringify(body)).not.toContain(hostHash);
  });

  it("the listing shows the workshop only, counting its teams and all their rounds", async () => {
    const listed = await getJson<unknown[]>("/api/sessions", SECRET);
    const all = [...redRounds, ...evilRounds];
    expect(listed).toEqual([{ ...publicWorkshop, rounds: all.length, lastPlayedAt: Math.max(...all.map((r) => r.endedAt)), teams: 2 }]);
  });

  it("a team's own session is readable with the same secret", async () => {
    const body = await getJson<unknown>(`/api/sessions/${evil.id}`, SECRET);
    expect(body).toEqual(JSON.parse(JSON.stringify({ session: publicOf(evil), rounds: evilRounds, teams: [] })));
  });

  it("JSON export: the whole workshop, team by team", async () => {
    const res = await get(`${path}/export?format=json&anonymise=0`, SECRET);
    expect(res.status).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/filename="smolder-WKSHPA-\d{4}-\d{2}-\d{2}\.json"$/);
    const doc = res.json() as {
      format: string;
      session: unknown;
      teams: { team: string; sessionId: string; code: string; rounds: { round: number; hash: string; players: unknown[]; log: unknown[] }[] }[];
    };
    expect(doc.format).toBe("smolder-workshop");
    expect(doc.session).toEqual(publicWorkshop);
    expect(doc.teams.map((t) => [t.team, t.sessionId, t.code])).toEqual([
      ["Red", red.id, red.code],
      [EVIL, evil.id, evil.code],
    ]);
    expect(doc.teams.map((t) => t.rounds.map((r) => [r.round, r.hash]))).toEqual([
      redRounds.map((r) => [r.round, r.hash]),
      evilRounds.map((r) => [r.round, r.hash]),
    ]);
    expect(doc.teams[1]!.rounds[0]!.players).toEqual(evilRounds[0]!.summary.players);
    expect(res.text()).not.toContain(hostHash);
  });

  it("CSV export: five tables, each with a team column and both teams' rows, the formula name defused", async () => {
    const res = await get(`${path}/export?format=csv&anonymise=0`, SECRET);
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(res.body));
    expect(Object.keys(files).sort()).toEqual(["effort.csv", "log.csv", "players.csv", "rounds.csv", "timeline.csv"]);
    for (const [file, data] of Object.entries(files)) {
      const [header, ...rows] = parseCsv(strFromU8(data));
      expect(header![0], file).toBe("team");
      expect(new Set(rows.map((r) => r[0])), file).toEqual(new Set(["Red", `'${EVIL}`]));
    }
    const rounds = csvObjects(strFromU8(files["rounds.csv"]!));
    expect(rounds.map((r) => [r.team, Number(r.round), r.hash])).toEqual([
      ...redRounds.map((r) => ["Red", r.round, r.hash]),
      ...evilRounds.map((r) => [`'${EVIL}`, r.round, r.hash]),
    ]);
    const one = await get(`${path}/export?format=csv&table=players&anonymise=0`, SECRET);
    expect(one.status).toBe(200);
    expect(one.text()).toBe(strFromU8(files["players.csv"]!));
  });

  it("401 without the secret or with another one, for the workshop and its teams", async () => {
    for (const p of [path, `${path}/export?format=json`, `${path}/export?format=csv`, `/api/sessions/${red.id}`]) {
      expect((await get(p)).status, p).toBe(401);
      const wrong = await get(p, created.hostSecret);
      expect(wrong.status, p).toBe(401);
      expect(wrong.text()).not.toContain("Red");
    }
    // The other facilitator's listing does not show the workshop.
    expect((await getJson<{ id: string }[]>("/api/sessions", created.hostSecret)).map((s) => s.id)).not.toContain(workshop.id);
  });
});

describe("the sessions API's door", () => {
  const path = () => `/api/sessions/${created.sessionId}`;

  it("refuses a missing or wrong secret, an unknown id, a bad format and other methods, and tells nothing", async () => {
    for (const p of ["/api/sessions", path(), `${path()}/export?format=json`]) {
      const none = await get(p);
      expect(none.status, p).toBe(401);
      expect(none.json()).toEqual({ error: expect.any(String), code: REFUSALS.noSecret });
    }
    const other = (await request("POST", "/api/rooms", null, {})).json() as CreatedRoom;
    const wrong = await get(path(), other.hostSecret);
    expect(wrong.status).toBe(401);
    const text = wrong.text();
    expect(JSON.parse(text)).toEqual({ error: expect.any(String), code: REFUSALS.wrongSecret });
    expect(text).not.toContain(created.code);
    // Another facilitator's secret lists only their own session.
    expect((await getJson<{ id: string }[]>("/api/sessions", other.hostSecret)).map((s) => s.id)).toEqual([other.sessionId]);
    expect((await get("/api/sessions/00000000-0000-4000-8000-000000000000", created.hostSecret)).status).toBe(404);
    expect((await get(`${path()}/export?format=xml`, created.hostSecret)).status).toBe(400);
    expect((await get(`${path()}/export?format=csv&table=secrets`, created.hostSecret)).status).toBe(400);
    expect((await request("DELETE", path(), created.hostSecret)).status).toBe(405);
    expect((await get(`${path()}/elsewhere`, created.hostSecret)).status).toBe(404);
  });

  it("an address that keeps guessing secrets is stopped (429), even with the right one", async () => {
    let status = 0;
    for (let i = 0; i < 20 && status !== 429; i++) status = (await get(path(), `guess-${i}-${"y".repeat(20)}`)).status;
    expect(status).toBe(429);
    expect((await get(path(), created.hostSecret)).status).toBe(429);
  });
});
