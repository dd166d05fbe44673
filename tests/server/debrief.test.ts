// The debrief a host pushes: every player and the projector receive the chosen rounds side
// by side, built from the rounds' own records; a what-if arrives once the server has
// re-simulated it; only the host can push it, only between rounds, and a new round hides it.
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collapseFiresFor, type Debrief, getScenario, type RoundSummary, runWhatIf, stateHash, tippingPoint } from "../../shared/index.js";
import { until } from "./helpers.js";
import { command, createHosted, errorsOf, hostedRoom, joinHost, joinPlayer, startHostedServer } from "./hosted-helpers.js";
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

describe("the debrief on every screen", () => {
  it("shows the host's chosen rounds, with a what-if, to players and the projector", async () => {
    const created = await createHosted(PORT);
    const host = await joinHost(server, created);
    const hostErrors = errorsOf(host);
    const ann = await joinPlayer(server, created.code, "Ann");
    const annErrors = errorsOf(ann);
    const screen = await joinPlayer(server, created.code, "Projector", { role: "screen" });
    const got: { ann: (Debrief | null)[]; screen: (Debrief | null)[] } = { ann: [], screen: [] };
    ann.onMessage("debrief", (d: Debrief | null) => got.ann.push(d));
    screen.onMessage("debrief", (d: Debrief | null) => got.screen.push(d));
    const summaries: RoundSummary[] = [];
    ann.onMessage("summary", (s: RoundSummary) => summaries.push(s));

    // Nothing to show before a round has finished.
    await command(host, { command: "debrief", rounds: [1] }, hostErrors);
    expect(hostErrors.at(-1)?.message).toMatch(/no finished round 1/);

    const playRound = async (n: number, bots: string[]) => {
      await command(host, { command: "settings", scenario: "workshop", durationSeconds: 40, seats: 4, bots, seed: 99 }, hostErrors);
      await command(host, { command: "start", countdownSeconds: 0 }, hostErrors);
      await until(() => ann.state.stage === "ended" && summaries.length === n, `round ${n} played out`, 20_000);
    };
    await playRound(1, ["hero"]);
    const room = hostedRoom(server, created.code);

    // A player cannot push a debrief.
    ann.send("host", { command: "debrief", rounds: [1] });
    await until(() => annErrors.length > 0, "the player's refusal");
    expect(annErrors[0]!.code).toBe("not-host");
    expect(got.ann).toHaveLength(0);

    await command(host, { command: "debrief", rounds: [1], whatIf: { round: 1, fromSecond: 10, team: "balanced" } }, hostErrors);
    await until(() => got.ann.some((d) => d?.whatIf) && got.screen.some((d) => d?.whatIf), "the what-if on both screens", 10_000);
    const first = got.ann[0]!;
    expect(first.rounds).toHaveLength(1);
    const r1 = first.rounds[0]!;
    expect(r1.players).toEqual(summaries[0]!.players);
    expect(r1.fires.length).toBe(40);
    expect(r1.tipping).toBe(tippingPoint(r1.fires, 4, r1.ended, collapseFiresFor(room.rounds[0]!.scenario, room.rounds[0]!.scenario.phases[0]!.side)));
    const withWhatIf = got.ann.find((d) => d?.whatIf)!;
    const record = room.rounds[0]!;
    const expected = runWhatIf(record.scenario, record.seed, record.log, { fromSecond: 10, team: "balanced" });
    expect(withWhatIf.whatIf!.value).toEqual(expected.timeline.value);
    expect(withWhatIf.whatIf!.value.slice(0, 10)).toEqual(r1.value.slice(0, 10));
    expect(withWhatIf.whatIf!.players.map((p) => p.bot)).toEqual(["balanced", "balanced", "balanced", "balanced"]);

    // Bad requests say why and change nothing.
    const before = got.ann.length;
    await command(host, { command: "debrief", rounds: [1], whatIf: { round: 1, fromSecond: 400, team: "balanced" } }, hostErrors);
    expect(hostErrors.at(-1)?.message).toMatch(/lasted 40 s/);
    await command(host, { command: "debrief", rounds: [1, 1] }, hostErrors);
    expect(hostErrors.at(-1)?.message).toMatch(/twice/);
    await command(host, { command: "debrief", rounds: [1], whatIf: { round: 1, fromSecond: 5, team: "wizard" } }, hostErrors);
    expect(hostErrors.at(-1)?.code).toBe("bad-command");
    expect(got.ann.length).toBe(before);

    // Round 2, played differently, then both side by side; a late joiner gets what is showing.
    await command(host, { command: "nextRound" }, hostErrors);
    await playRound(2, ["balanced"]);
    expect(got.ann.at(-1)).toBeNull(); // starting round 2 hid the debrief
    await command(host, { command: "debrief", rounds: [2, 1] }, hostErrors);
    await until(() => got.ann.at(-1)?.rounds.length === 2, "two rounds side by side");
    const both = got.ann.at(-1)!;
    expect(both.rounds.map((r) => r.round)).toEqual([2, 1]);
    expect(both.rounds[0]!.players).toEqual(summaries[1]!.players);
    const late = await server.sdk.joinById(created.code, { name: "Late" });
    const lateGot: Debrief[] = [];
    late.onMessage("*", () => undefined);
    late.onMessage("debrief", (d: Debrief) => lateGot.push(d));
    await until(() => lateGot.length > 0, "the debrief for a late joiner");
    expect(lateGot[0]!.rounds.map((r) => r.round)).toEqual([2, 1]);

    // While a round runs the debrief cannot be pushed.
    await command(host, { command: "nextRound" }, hostErrors);
    await command(host, { command: "settings", durationSeconds: 600 }, hostErrors);
    await command(host, { command: "start", countdownSeconds: 0 }, hostErrors);
    await until(() => ann.state.stage === "playing", "round 3 running");
    await command(host, { command: "debrief", rounds: [1] }, hostErrors);
    expect(hostErrors.at(-1)?.message).toMatch(/between rounds/);
    expect(stateHash(room.rules)).toBe(room.hash());
    for (const c of [host, ann, screen, late]) await c.leave();
    expect(getScenario("workshop")).toBeTruthy();
  });
});
