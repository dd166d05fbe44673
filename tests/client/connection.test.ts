// The one connection policy every page holds a room with (client/net/connection.ts), driven by
// a fake colyseus.js: a drop is retried with growing waits and comes back; a consented leave,
// a removal, a flood and a server shutting down are never retried by themselves; a room that
// is gone stops the retries at once; and a workshop's team card comes back after a drop.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FLOODED_CLOSE_CODE, KICKED_CLOSE_CODE, MSG, SERVER_CLOSING_CLOSE_CODE, SERVER_RESTARTING_CLOSE_CODE } from "../../shared/protocol/index.js";
import { BACKOFF_MS, Connection, type ConnectionStatus, GIVE_UP_MS, type StatusReport } from "../../client/net/connection.js";
import { linkTeam } from "../../client/host/team-link.js";
import { FakeClient, type FakeRoom, FakeServerError } from "./fakes.js";

/** A dropped socket (no close frame): what Wi-Fi going away looks like. */
const DROP = 1006;

function held(client: FakeClient) {
  const reports: StatusReport[] = [];
  const attached: { room: FakeRoom; again: boolean }[] = [];
  const open = Connection.open(() => client.joinById("ROOM42", { hostSecret: "s" }), {
    rejoin: () => client.joinById("ROOM42", { hostSecret: "s" }),
    attach: (room, again) => attached.push({ room, again }),
    onStatus: (r) => reports.push(r),
  });
  const statuses = (): ConnectionStatus[] => reports.map((r) => r.status);
  return { open, reports, attached, statuses };
}

describe("the connection policy", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("retries a drop with growing waits until the server takes it back, then holds the new room", async () => {
    const client = new FakeClient();
    const { open, attached, statuses, reports } = held(client);
    const conn = await open;
    const first = client.last;
    expect(conn.room).toBe(first);

    client.failing = 3;
    first.close(DROP);
    expect(conn.status).toBe("reconnecting");
    expect(conn.room).toBeNull();
    await vi.advanceTimersByTimeAsync(20_000);

    const tries = client.calls.slice(1);
    expect(tries.map((c) => c.ok)).toEqual([false, false, false, true]);
    // Each wait longer than the one before: 0.5 s, 1 s, 2 s, 4 s after the drop's moment.
    const waits = tries.map((c, i) => c.at - (i === 0 ? 0 : tries[i - 1]!.at));
    expect(waits).toEqual(BACKOFF_MS.slice(0, 4));
    expect(reports.filter((r) => r.status === "reconnecting").map((r) => r.attempt)).toEqual([1, 2, 3, 4]);
    expect(statuses().at(-1)).toBe("connected");

    // The page wired its listeners on the new room, and what it sends reaches the new room.
    const second = client.last;
    expect(second).not.toBe(first);
    expect(attached.map((a) => [a.room.id, a.again])).toEqual([
      [first.id, false],
      [second.id, true],
    ]);
    expect(conn.room).toBe(second);
    conn.room!.send(MSG.host, { command: "pause" });
    expect(second.sent).toEqual([[MSG.host, { command: "pause" }]]);
  });

  it("gives up once the seat would no longer be held, says so, and tries again when asked", async () => {
    const client = new FakeClient();
    const { open, statuses, reports } = held(client);
    const conn = await open;
    client.failing = 1_000;
    client.last.close(DROP);
    await vi.advanceTimersByTimeAsync(GIVE_UP_MS * 3);

    const tries = client.calls.slice(1);
    expect(tries.length).toBeGreaterThanOrEqual(5);
    expect(tries.every((c) => c.at <= GIVE_UP_MS)).toBe(true);
    expect(statuses().at(-1)).toBe("lost");
    expect(reports.at(-1)!.attempt).toBe(tries.length);

    // "Try again": the network is back.
    client.failing = 0;
    void conn.retry();
    await vi.advanceTimersByTimeAsync(BACKOFF_MS[0]!);
    expect(conn.status).toBe("connected");
    expect(conn.room).toBe(client.last);
  });

  it("a consented leave is the end: no retry, however long one waits", async () => {
    const client = new FakeClient();
    const { open, statuses } = held(client);
    const conn = await open;
    const room = client.last;
    await conn.leave();
    await vi.advanceTimersByTimeAsync(GIVE_UP_MS * 2);
    expect(room.left).toBe(true);
    expect(client.calls).toHaveLength(1);
    expect(statuses()).toEqual(["connected", "left"]);
    expect(conn.room).toBeNull();
  });

  it("the server's consented close (4000) is not a drop either", async () => {
    const client = new FakeClient();
    const { open, statuses } = held(client);
    await open;
    client.last.close(4000);
    await vi.advanceTimersByTimeAsync(GIVE_UP_MS);
    expect(client.calls).toHaveLength(1);
    expect(statuses()).toEqual(["connected", "left"]);
  });

  it("leaving while a drop is being retried stops the retries", async () => {
    const client = new FakeClient();
    const { open, statuses } = held(client);
    const conn = await open;
    client.failing = 1_000;
    client.last.close(DROP);
    await vi.advanceTimersByTimeAsync(BACKOFF_MS[0]! + 10);
    const before = client.calls.length;
    await conn.leave();
    await vi.advanceTimersByTimeAsync(GIVE_UP_MS);
    expect(client.calls).toHaveLength(before);
    expect(statuses().at(-1)).toBe("left");
  });

  it("reports the flood close (4429) and does not reconnect by itself; a person's Reconnect does", async () => {
    const client = new FakeClient();
    const { open, statuses } = held(client);
    const conn = await open;
    client.last.close(FLOODED_CLOSE_CODE);
    await vi.advanceTimersByTimeAsync(GIVE_UP_MS);
    expect(statuses()).toEqual(["connected", "flooded"]);
    expect(client.calls).toHaveLength(1);

    void conn.retry();
    await vi.advanceTimersByTimeAsync(BACKOFF_MS[0]!);
    expect(conn.status).toBe("connected");
    expect(client.calls).toHaveLength(2);
  });

  it.each([
    [KICKED_CLOSE_CODE, "kicked"],
    [SERVER_CLOSING_CLOSE_CODE, "closed"],
  ] as const)("close code %i means %s, not a drop", async (code, status) => {
    const client = new FakeClient();
    const { open, statuses } = held(client);
    await open;
    client.last.close(code);
    await vi.advanceTimersByTimeAsync(GIVE_UP_MS);
    expect(statuses()).toEqual(["connected", status]);
    expect(client.calls).toHaveLength(1);
  });

  it("a restart (4504) is a drop: retried while the server is down, back once the room is reopened", async () => {
    const client = new FakeClient();
    const { open, statuses } = held(client);
    const conn = await open;
    // Down for about three seconds: the first attempts fail as a network error does.
    client.failing = 3;
    client.last.close(SERVER_RESTARTING_CLOSE_CODE);
    await vi.advanceTimersByTimeAsync(GIVE_UP_MS);
    expect(conn.status).toBe("connected");
    expect(statuses()[0]).toBe("connected");
    expect(statuses().at(-1)).toBe("connected");
    expect(client.calls.filter((c) => !c.ok)).toHaveLength(3);
  });

  it("a room that closed while we were away stops the retries at once", async () => {
    const client = new FakeClient();
    const { open, statuses } = held(client);
    await open;
    client.refusal = new FakeServerError(4212, 'room "ROOM42" not found');
    client.last.close(DROP);
    await vi.advanceTimersByTimeAsync(GIVE_UP_MS);
    expect(client.calls).toHaveLength(2);
    expect(statuses()).toEqual(["connected", "reconnecting", "gone"]);
  });

  it("moving to another room leaves the first quietly: its close is not a drop", async () => {
    const client = new FakeClient();
    const { open, statuses } = held(client);
    const conn = await open;
    const lobby = client.last;
    const team = await client.joinById("TEAM01", {});
    await conn.replace(team);
    await vi.advanceTimersByTimeAsync(GIVE_UP_MS);
    expect(lobby.left).toBe(true);
    expect(conn.room).toBe(team);
    expect(statuses()).toEqual(["connected", "connected"]);
    expect(client.calls).toHaveLength(2);
  });
});

describe("a workshop's team card", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("comes back after a drop: same dashboard join, its listeners on the new room, its commands reach it", async () => {
    const client = new FakeClient();
    const states: number[] = [];
    const fires: number[][] = [];
    const rounds: number[][] = [];
    const reports: ConnectionStatus[] = [];
    const link = await linkTeam(client, "TEAM01", "secret", {
      state: (room) => states.push(room.id),
      timeline: (t) => fires.push(t.fires),
      rounds: (r) => rounds.push(r),
      error: () => undefined,
      status: (r) => reports.push(r.status),
    });
    const first = client.last;
    first.patch({ stage: "playing" });
    expect(states).toEqual([first.id]);

    first.close(DROP);
    expect(reports.at(-1)).toBe("reconnecting");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(reports.at(-1)).toBe("connected");

    // The card joined again exactly as it first did: as a dashboard, beside the team's own console.
    expect(client.calls.map((c) => c.arg)).toEqual([
      { code: "TEAM01", hostSecret: "secret", console: "dashboard" },
      { code: "TEAM01", hostSecret: "secret", console: "dashboard" },
    ]);
    const second = client.last;
    second.patch({ stage: "playing" });
    second.message(MSG.timeline, { round: 1, from: 0, fires: [3, 4], effort: [] });
    second.message(MSG.rounds, [{ round: 1 }, { round: 2 }]);
    expect(states).toEqual([first.id, second.id]);
    expect(fires).toEqual([[3, 4]]);
    expect(rounds).toEqual([[1, 2]]);
    link.room!.send(MSG.host, { command: "start" });
    expect(second.sent).toEqual([[MSG.host, { command: "start" }]]);
  });
});
