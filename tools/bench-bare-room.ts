// The bare-room reference of bench:server: a Colyseus room of the same shape as a game room
// and no rules. It syncs the same schema (SmolderState: the per-tile arrays of the same grid,
// one PlayerState per client) at the same patch rate, and on the same fixed tick changes as
// many entries as the measured game rooms did (tools/bench-load.ts ChangeCounts). Intents are
// received and dropped. What a game room costs above this is ours: the rules, the view and the
// sync, the validation of messages.
import { type Client, Room } from "@colyseus/core";
import { PATCH_RATE_HZ } from "../shared/protocol/index.js";
import { patchCadence, recordTick } from "../server/metrics.js";
import { PlayerState } from "../server/schema/PlayerState.js";
import { SmolderState } from "../server/schema/SmolderState.js";
import { PLAYER_FIELDS, type PlayerField } from "./bench-load.js";

/** Per-tick means measured in the game rooms, and the tick and grid they ran at. */
export interface BareShape {
  width: number;
  height: number;
  tickMs: number;
  heat: number;
  guard: number;
  dust: number;
  /** Risk entries changed per tick while risk is revealed (the array is empty otherwise). */
  risk: number;
  /** Share of ticks with risk revealed, 0..1. */
  revealedShare: number;
  /** Player fields changed per tick, by field. */
  players: Record<PlayerField, number>;
  /** An experiment, not the game room's shape: send the patch right after each tick instead
   *  of on Colyseus's own patch timer (bench:server --patch-on-tick). */
  patchOnTick?: boolean;
}

export const BARE_ROOM_NAME = "bare";

/** A step back reveals risk for 20 s in classic: the bare room reveals in stretches as long. */
const REVEAL_TICKS = 200;

export class BareRoom extends Room<SmolderState> {
  override maxClients = 8;
  private shape!: BareShape;
  private rng = 1;
  /** Fractional writes carried to the next tick, per kind. */
  private readonly carry: Record<string, number> = {};
  private acc = 0;
  private ticks = 0;

  override onCreate(options: BareShape & { seed?: number }): void {
    this.shape = options;
    this.rng = (options.seed ?? 1) >>> 0 || 1;
    const st = new SmolderState();
    st.stage = "playing";
    st.scenario = "bare";
    st.width = options.width;
    st.height = options.height;
    st.side = options.width;
    const tiles = options.width * options.height;
    for (let i = 0; i < tiles; i++) {
      st.heat.push(0);
      st.guard.push(0);
      st.dust.push(0);
    }
    this.state = st;
    this.patchRate = options.patchOnTick ? 0 : 1000 / PATCH_RATE_HZ;
    this.onMessage("intent", () => {});
    this.onMessage("*", () => {});
    // The game room's loop: a fixed-step accumulator run at least as often as patches go out.
    this.setSimulationInterval(
      (delta) => {
        const t0 = performance.now();
        this.acc += delta;
        let n = 0;
        while (this.acc >= options.tickMs && n < 4) {
          this.acc -= options.tickMs;
          this.tick();
          n++;
        }
        if (n === 4) this.acc = Math.min(this.acc, options.tickMs);
        if (n > 0) recordTick((performance.now() - t0) / n);
        if (n > 0 && options.patchOnTick) this.broadcastPatch();
      },
      Math.max(1, Math.min(options.tickMs, 1000 / PATCH_RATE_HZ)),
    );
  }

  private readonly patched = patchCadence();

  override broadcastPatch(): boolean {
    return this.patched(super.broadcastPatch());
  }

  override onJoin(client: Client): void {
    const p = new PlayerState();
    p.seat = this.state.players.size;
    p.name = `bare-${p.seat}`;
    p.x = (this.shape.width * 256) / 2;
    p.y = (this.shape.height * 256) / 2;
    this.state.players.set(client.sessionId, p);
  }

  override onLeave(client: Client): void {
    this.state.players.delete(client.sessionId);
  }

  private rand(n: number): number {
    this.rng ^= this.rng << 13;
    this.rng ^= this.rng >>> 17;
    this.rng ^= this.rng << 5;
    return (this.rng >>> 0) % n;
  }

  /** How many writes of `kind` this tick: the mean, with the fraction carried over. */
  private due(kind: string, mean: number): number {
    const total = (this.carry[kind] ?? 0) + mean;
    const n = Math.floor(total);
    this.carry[kind] = total - n;
    return n;
  }

  /** 0..n-1 in a shuffled order, by n; each tick draws its entries from the front (see distinct). */
  private readonly orders = new Map<number, number[]>();

  /** `count` distinct numbers below n (a partial shuffle of `order`): the game rooms' counts are
   *  of entries that differ, so two writes to one entry in a tick would count once. */
  private distinct(n: number, count: number): number[] {
    let order = this.orders.get(n);
    if (!order) this.orders.set(n, (order = Array.from({ length: n }, (_, i) => i)));
    const k = Math.min(count, n);
    for (let a = 0; a < k; a++) {
      const b = a + this.rand(n - a);
      [order[a], order[b]] = [order[b]!, order[a]!];
    }
    return order.slice(0, k);
  }

  private tick(): void {
    const st = this.state;
    const sh = this.shape;
    const tiles = sh.width * sh.height;
    this.ticks++;
    st.tick = this.ticks;
    st.clock = 840 - Math.floor(this.ticks / 10);
    st.value += 17;
    for (const i of this.distinct(tiles, this.due("heat", sh.heat))) st.heat[i] = (st.heat[i]! + 1) % 5;
    for (const i of this.distinct(tiles, this.due("guard", sh.guard))) st.guard[i] = (st.guard[i]! + 1) % 4;
    for (const i of this.distinct(tiles, this.due("dust", sh.dust))) st.dust[i] = (st.dust[i]! + 1) % 4;
    // Risk is revealed in stretches of REVEAL_TICKS, as often as in the game rooms.
    const cycle = sh.revealedShare > 0 ? Math.round(REVEAL_TICKS / sh.revealedShare) : 0;
    const revealed = cycle > 0 && this.ticks % cycle < REVEAL_TICKS;
    if (revealed && st.risk.length === 0) for (let i = 0; i < tiles; i++) st.risk.push(this.rand(10000));
    else if (!revealed && st.risk.length > 0) st.risk.splice(0, st.risk.length);
    if (revealed) for (const i of this.distinct(tiles, this.due("risk", sh.risk))) st.risk[i] = (st.risk[i]! + 1) % 10000;
    // Each player field as often as in the game rooms, on distinct players, changed as play changes it.
    const players = [...st.players.values()];
    for (const f of PLAYER_FIELDS) {
      const writes = this.due(f, sh.players[f]);
      if (players.length > 0) for (const k of this.distinct(players.length, writes)) change(players[k]!, f, this.ticks);
    }
  }
}

/** A new value for one field of a player's entry, of the kind play writes there. */
function change(p: PlayerState, f: PlayerField, tick: number): void {
  switch (f) {
    case "status":
      p.status = p.status === "playing" ? "burntOut" : "playing";
      break;
    case "x":
    case "y":
      p[f] = (p[f] + 79) % (32 * 256);
      break;
    case "dirX":
    case "dirY":
      p[f] = p[f] === 1 ? -1 : p[f] + 1;
      break;
    case "sprint":
      p.sprint = !p.sprint;
      break;
    case "energy":
      p.energy = (p.energy + 1) % 1000;
      break;
    case "burnout":
      p.burnout = (p.burnout + 1) % 100;
      break;
    case "action":
      p.action = (p.action + 1) % 4;
      break;
    case "actionTile":
      p.actionTile = tick % 1024;
      break;
    case "praise":
      p.praise += 20;
      break;
  }
}
