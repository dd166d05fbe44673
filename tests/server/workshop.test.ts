// A team workshop end to end: 30 people join one workshop code, are split into balanced
// teams (and one moved by hand), the teams open in their own rooms and play the same seed in
// parallel, a late arrival is placed in the smallest team, and the whole workshop's results
// are stored and exported, every team with every player's figures.
import type { ColyseusTestServer } from "@colyseus/testing";
import type { Room } from "colyseus.js";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedRoom } from "../../server/hosting/api.js";
import type { RoundSummary } from "../../shared/index.js";
import { REFUSALS } from "../../shared/protocol/index.js";
import { parseCsv } from "./csv.js";
import { refused, until } from "./helpers.js";
import { errorsOf, startHostedServer } from "./hosted-helpers.js";
import { freePort } from "../../tools/cluster.js";

let PORT = 0;
let server: ColyseusTestServer;
beforeAll(async () => {
  PORT = await freePort();
  server = await startHostedServer(PORT, { limits: { createBurst: 1000 } });
});
afterAll(async () => {
  await server.shutdown();
});

interface Seen {
  stage: string;
  locked: boolean;
  people: Map<string, { name: string; team: string; status: string }>;
  teams: Map<string, { id: string; name: string; code: string; session: string }>;
}
const seen = (r: Room): Seen => r.state as unknown as Seen;

async function createWorkshop(): Promise<CreatedRoom> {
  const res = await fetch(`http://127.0.0.1:${PORT}/api/workshops`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tickMs: 2 }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as CreatedRoom;
}

async function joinQuiet(code: string, options: Record<string, unknown>): Promise<Room> {
  const room = await server.sdk.joinById(code, options);
  room.onMessage("*", () => undefined);
  return room;
}

describe("a team workshop", () => {
  it("30 people, one code, balanced teams, parallel rounds on one seed, stored and exported", async () => {
    const created = await createWorkshop();
    expect(created.code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
    const host = await joinQuiet(created.code, { hostSecret: created.hostSecret });
    const hostErrors = errorsOf(host as never);
    const people: Room[] = [];
    for (let i = 0; i < 30; i++) people.push(await joinQuiet(created.code, { name: `Person ${i + 1}` }));
    await until(() => seen(host).people?.size === 30, "30 people in the lobby");
    // A projector pointed at the workshop code is told where to look instead of joining a team.
    const noScreen = await refused(server.sdk.joinById(created.code, { role: "screen" }));
    expect(noScreen.code).toBe(REFUSALS.workshopNoScreen);
    expect(noScreen.text).toMatch(/no projector view of its own/);
    expect(seen(host).people.size).toBe(30);
    // Locked, it turns newcomers away until it is unlocked.
    host.send("host", { command: "lock" });
    await until(() => seen(host).locked, "locked");
    expect((await refused(server.sdk.joinById(created.code, { name: "Late" }))).code).toBe(REFUSALS.workshopLocked);
    host.send("host", { command: "unlock" });
    await until(() => !seen(host).locked, "unlocked");

    // Only the facilitator forms teams.
    const p0Errors = errorsOf(people[0] as never);
    people[0]!.send("host", { command: "form", size: 5 });
    await until(() => p0Errors.length > 0, "a refusal");
    expect(p0Errors[0]!.code).toBe("not-host");
    expect(seen(host).teams.size).toBe(0);

    host.send("host", { command: "form", size: 5 });
    await until(() => seen(host).teams.size === 6, "six teams");
    const sizes = () => [...seen(host).teams.keys()].map((id) => [...seen(host).people.values()].filter((p) => p.team === id).length);
    expect(sizes()).toEqual([5, 5, 5, 5, 5, 5]);
    // By hand: one person to another team, then a bad move refused.
    const [t1, t2] = [...seen(host).teams.keys()];
    host.send("host", { command: "move", key: people[0]!.sessionId, team: t2 });
    await until(() => seen(host).people.get(people[0]!.sessionId)?.team === t2, "the move");
    expect(sizes().slice(0, 2).sort()).toEqual([4, 6]);
    host.send("host", { command: "move", key: people[0]!.sessionId, team: t1 });
    host.send("host", { command: "move", key: "nobody", team: t1 });
    await until(() => hostErrors.some((e) => /nobody with that key/.test(e.message)), "a refused move");
    host.send("host", { command: "rename", team: t1, name: "Night Shift" });
    await until(() => seen(host).teams.get(t1!)?.name === "Night Shift", "the rename");

    // Open: a room per team; everyone moves to theirs.
    host.send("host", { command: "open" });
    await until(() => seen(host).stage === "open" && [...seen(host).teams.values()].every((t) => t.code !== ""), "the teams' rooms", 10_000);
    const teamRooms: Room[] = [];
    for (const person of people) {
      const me = seen(person).people.get(person.sessionId)!;
      const team = seen(person).teams.get(me.team)!;
      teamRooms.push(await joinQuiet(team.code, { name: me.name }));
      await person.leave(true);
    }
    await until(() => [...seen(host).people.values()].every((p) => p.status === "moved"), "everyone moved");

    // A late arrival is placed in the smallest team and sees its code straight away.
    const late = await joinQuiet(created.code, { name: "Late Larry" });
    await until(() => (seen(late).people?.get(late.sessionId)?.team ?? "") !== "", "the late arrival placed");
    const lateTeam = seen(late).teams.get(seen(late).people.get(late.sessionId)!.team)!;
    expect(lateTeam.code).not.toBe("");
    teamRooms.push(await joinQuiet(lateTeam.code, { name: "Late Larry" }));
    await late.leave(true);

    // The console is the host of every team room (the same secret) and starts them together on one seed.
    const teams = [...seen(host).teams.values()];
    const consoles: Room[] = [];
    for (const t of teams) consoles.push(await joinQuiet(t.code, { hostSecret: created.hostSecret }));
    const summaries = new Map<string, RoundSummary>();
    teamRooms.forEach((r) => r.onMessage("summary", (s: RoundSummary) => summaries.set(r.roomId, s)));
    for (const c of consoles) c.send("host", { command: "settings", scenario: "startup", durationSeconds: 20, seats: 5, bots: ["balanced"], seed: 4242 });
    await new Promise((r) => setTimeout(r, 100));
    for (const c of consoles) c.send("host", { command: "start", countdownSeconds: 0 });
    // People play: a few moves each.
    await until(
      () => teamRooms.every((r) => (r.state as { stage?: string }).stage === "playing" || (r.state as { stage?: string }).stage === "ended"),
      "every team playing",
    );
    for (const r of teamRooms) r.send("intent", { kind: "move", dx: 1, dy: 0 });
    await until(() => new Set(teamRooms.map((r) => r.roomId)).size === summaries.size, "every team's round over", 30_000);

    // Stored and exported: the whole workshop, every team, every player.
    const auth = { authorization: `Bearer ${created.hostSecret}` };
    const res = await fetch(`http://127.0.0.1:${PORT}/api/sessions/${created.sessionId}/export?format=json&anonymise=0`, { headers: auth });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      teams: { team: string; code: string; rounds: { settings: { seed: number }; players: { name: string; praise: number; net: number }[] }[] }[];
    };
    expect(doc.teams.map((t) => t.team).sort()).toEqual(teams.map((t) => t.name).sort());
    for (const t of doc.teams) {
      expect(t.rounds).toHaveLength(1);
      expect(t.rounds[0]!.settings.seed).toBe(4242);
      const summary = summaries.get(t.code)!;
      expect(t.rounds[0]!.players.map((p) => [p.name, p.praise, p.net])).toEqual(summary.players.map((p) => [p.name, p.praise, p.net]));
    }
    const names = doc.teams.flatMap((t) => t.rounds[0]!.players.map((p) => p.name));
    for (let i = 1; i <= 30; i++) expect(names).toContain(`Person ${i}`);
    expect(names).toContain("Late Larry");

    // By default a workshop's export names nobody: players, teams and every typed text are replaced.
    const typed = [...names.filter((n) => !n.startsWith("Bot ")), ...teams.map((t) => t.name)];
    const anonymousJson = await (await fetch(`http://127.0.0.1:${PORT}/api/sessions/${created.sessionId}/export?format=json`, { headers: auth })).text();
    const anonymousZip = unzipSync(
      new Uint8Array(await (await fetch(`http://127.0.0.1:${PORT}/api/sessions/${created.sessionId}/export?format=csv`, { headers: auth })).arrayBuffer()),
    );
    for (const [where, text] of [["json", anonymousJson], ...Object.entries(anonymousZip).map(([f, b]) => [f, strFromU8(b)])] as const)
      for (const name of typed) expect(text.includes(name), `${name} in the anonymised ${where}`).toBe(false);
    const anonymousDoc = JSON.parse(anonymousJson) as typeof doc;
    expect(anonymousDoc.teams.map((t) => t.team).sort()).toEqual(teams.map((_, i) => `Team ${i + 1}`));
    const aliases = anonymousDoc.teams.flatMap((t) => t.rounds[0]!.players.map((p) => p.name));
    expect(aliases.every((n) => /^(Player|Bot) \d+$/.test(n))).toBe(true);
    expect(new Set(aliases.filter((n) => n.startsWith("Player"))).size).toBe(31);
    expect((await fetch(`http://127.0.0.1:${PORT}/api/sessions/${created.sessionId}/export?format=json&anonymise=yes`, { headers: auth })).status).toBe(400);

    const zip = unzipSync(
      new Uint8Array(
        await (await fetch(`http://127.0.0.1:${PORT}/api/sessions/${created.sessionId}/export?format=csv&anonymise=0`, { headers: auth })).arrayBuffer(),
      ),
    );
    const players = parseCsv(strFromU8(zip["players.csv"]!));
    expect(players[0]![0]).toBe("team");
    expect(players.length - 1).toBe(names.length);
    expect(new Set(players.slice(1).map((row) => row[0])).size).toBe(teams.length);
    expect((await fetch(`http://127.0.0.1:${PORT}/api/sessions/${created.sessionId}/export?format=json`)).status).toBe(401);

    for (const r of [...teamRooms, ...consoles, host]) await r.leave(true).catch(() => undefined);
  }, 120_000);
});
