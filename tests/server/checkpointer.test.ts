// A round written down as it plays rebuilds, from the store alone, to the very game the room had:
// from the start, from a snapshot, after a lost write, and across rounds; a checkpoint that does
// not rebuild to its hash, or comes from a newer server, is refused with a reason.
import { describe, expect, it } from "vitest";
import { Checkpointer, CHECKPOINT_FORMAT, rebuildRound, SNAPSHOT_EVERY_TICKS } from "../../server/hosting/checkpoints.js";
import { MemorySessionStore } from "../../server/storage/memory.js";
import type { CheckpointWrite } from "../../server/storage/store.js";
import { playBots } from "../../shared/bots/match.js";
import { applyEntry, createGame, customise, type GameState, getScenario, type LogEntry, stateHash, step } from "../../shared/index.js";
import { session } from "./round-fixture.js";

const S1 = "11111111-1111-4111-8111-111111111111";
const made = customise(getScenario("startup")!, { durationSeconds: 90 });
if (!made.ok) throw new Error(made.error);
const SCENARIO = made.scenario;
const SEED = 4242;
/** A recorded bot round: the room below plays it back tick by tick, as if the intents arrived live. */
const RECORDED = playBots(SCENARIO, SEED, ["hero", "balanced", "preventer"], { record: true }).log;

/** A room as the checkpointer sees it, played on tick by tick. */
class LiveRoom {
  sessionId = S1;
  code = "ABCDEF";
  round = 1;
  game: GameState = createGame(SCENARIO, SEED);
  log: LogEntry[] = [];
  private next = 0;
  get room() {
    return { seats: this.game.players.map((p) => p.name) };
  }
  playUntil(tick: number): void {
    while (this.game.tick < tick && !this.game.ended) {
      while (this.next < RECORDED.length && RECORDED[this.next]!.tick <= this.game.tick) {
        const e = RECORDED[this.next++]!;
        applyEntry(this.game, e);
        this.log.push(e);
      }
      step(this.game);
    }
    // Entries of the tick the room now stands at are applied as they arrive, before its step.
    while (this.next < RECORDED.length && RECORDED[this.next]!.tick <= this.game.tick) {
      const e = RECORDED[this.next++]!;
      applyEntry(this.game, e);
      this.log.push(e);
    }
  }
}

async function setUp() {
  const store = new MemorySessionStore();
  await store.saveSession(session(S1, "a".repeat(64), 1000));
  const room = new LiveRoom();
  const failures: unknown[] = [];
  const cp = new Checkpointer(store, () => room, { failed: (e) => failures.push(e) });
  return { store, room, cp, failures };
}

async function rebuiltFromStore(store: MemorySessionStore) {
  const [stored] = await store.listCheckpoints();
  return { stored: stored!, rebuilt: rebuildRound(stored!, SCENARIO, SEED) };
}

describe("checkpoints of a round in progress", () => {
  it("rebuild to the room's own game, from the start and then from a snapshot", async () => {
    const { store, room, cp, failures } = await setUp();
    room.playUntil(120);
    await cp.save();
    let { stored, rebuilt } = await rebuiltFromStore(store);
    expect(stored.snapshot?.tick).toBe(120); // the first write of a round under way carries one
    expect(rebuilt.ok && stateHash(rebuilt.game)).toBe(stateHash(room.game));

    room.playUntil(120 + SNAPSHOT_EVERY_TICKS + 7);
    await cp.save();
    ({ stored, rebuilt } = await rebuiltFromStore(store));
    expect(stored.snapshot?.tick).toBe(120 + SNAPSHOT_EVERY_TICKS + 7);
    expect(stored.log).toStrictEqual(room.log);
    expect(rebuilt.ok && stateHash(rebuilt.game)).toBe(stateHash(room.game));

    room.playUntil(500);
    await cp.save();
    ({ stored, rebuilt } = await rebuiltFromStore(store));
    expect(stored.snapshot?.tick).toBe(120 + SNAPSHOT_EVERY_TICKS + 7); // kept, not rewritten
    expect(rebuilt.ok && rebuilt.game.tick).toBe(500);
    expect(rebuilt.ok && stateHash(rebuilt.game)).toBe(stateHash(room.game));
    expect(failures).toEqual([]);
  });

  it("at most one write a second of rounds time as the room plays; a save during a write is followed by one with the latest state", async () => {
    const { store, room, cp } = await setUp();
    const rate = SCENARIO.tickRate;
    room.playUntil(10);
    cp.tick(10, rate);
    cp.tick(14, rate);
    cp.tick(10 + rate - 1, rate);
    room.playUntil(20);
    await cp.save(); // queued behind the write of tick 10
    expect(cp.writes).toBe(2);
    expect((await store.listCheckpoints())[0]!.tick).toBe(20);
    cp.tick(10 + rate, rate);
    await cp.save();
    expect(cp.writes).toBe(4);
    // A new round's ticks start again from 0: written at once.
    cp.tick(0, rate);
    await cp.save();
    expect(cp.writes).toBe(6);
  });

  it("a lost write is healed: the next write starts the log afresh, with a snapshot", async () => {
    const { store, room, cp, failures } = await setUp();
    room.playUntil(50);
    await cp.save();
    const real = store.saveCheckpoint.bind(store);
    store.saveCheckpoint = () => Promise.reject(new Error("disk full"));
    room.playUntil(80);
    await cp.save();
    expect(failures).toHaveLength(1);
    store.saveCheckpoint = (w: CheckpointWrite) => real(w);
    room.playUntil(130);
    await cp.save();
    const { stored, rebuilt } = await rebuiltFromStore(store);
    expect(stored.snapshot?.tick).toBe(130);
    expect(stored.log).toStrictEqual(room.log);
    expect(rebuilt.ok && stateHash(rebuilt.game)).toBe(stateHash(room.game));
  });

  it("a new round starts the stored log afresh; forget() leaves nothing to restore", async () => {
    const { store, room, cp } = await setUp();
    room.playUntil(40);
    await cp.save();
    room.round = 2;
    room.game = createGame(SCENARIO, SEED);
    room.log = [];
    await cp.save();
    const [stored] = await store.listCheckpoints();
    expect([stored!.round, stored!.tick, stored!.log, stored!.snapshot]).toStrictEqual([2, 0, [], null]);
    await cp.forget();
    expect(await store.listCheckpoints()).toEqual([]);
  });

  it("refuses a checkpoint from a newer server, or one that does not rebuild to its hash", async () => {
    const { store, room, cp } = await setUp();
    room.playUntil(60);
    await cp.save();
    const [stored] = await store.listCheckpoints();
    expect(rebuildRound({ ...stored!, format: CHECKPOINT_FORMAT + 1 }, SCENARIO, SEED)).toEqual({
      ok: false,
      reason: expect.stringMatching(/newer server/),
    });
    expect(rebuildRound({ ...stored!, snapshot: null, log: stored!.log.slice(1) }, SCENARIO, SEED)).toEqual({
      ok: false,
      reason: expect.stringMatching(/rebuilds to a different game/),
    });
  });
});
