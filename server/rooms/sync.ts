// Copies what the rules say players may see (shared playerView) into the synced schema.
// Only changed entries are written, so Colyseus sends small deltas, and the schema is
// never read back: plain shadow copies remember what was last written.
import type { ArraySchema } from "@colyseus/schema";
import { type GameState, playerView, type PlayerView } from "../../shared/index.js";
import { leaderboardOrder } from "../../shared/leaderboard.js";
import type { Status } from "../../shared/protocol/index.js";
import { PlayerState } from "../schema/PlayerState.js";
import type { SmolderState } from "../schema/SmolderState.js";

/** Writes `src` into `dst`, touching only entries that differ from `shadow` (then updated). */
function copyArray(dst: ArraySchema<number>, shadow: number[], src: readonly number[]): void {
  if (shadow.length > src.length) {
    dst.splice(src.length, shadow.length - src.length);
    shadow.length = src.length;
  }
  for (let i = 0; i < src.length; i++) {
    const v = src[i]!;
    if (i >= shadow.length) {
      dst.push(v);
      shadow.push(v);
    } else if (shadow[i] !== v) {
      dst[i] = v;
      shadow[i] = v;
    }
  }
}

export interface SyncContext {
  /** keys[seat] is the player's key in state.players. */
  keys: readonly string[];
  /** Tells people who are away or gone apart; the rules only know whether a seat is present. */
  status: (seat: number, burntOut: boolean) => Status;
  /** Held inputs the view leaves out but clients need to predict movement. */
  held: (seat: number) => { dirX: number; dirY: number; sprint: boolean };
  secondsLeft: number;
  phaseName: string;
}

export class StateSync {
  private readonly shadow = {
    heat: [] as number[],
    guard: [] as number[],
    dust: [] as number[],
    risk: [] as number[],
    embers: [] as number[],
    leverage: [] as number[],
  };
  private lastBoard = "";

  constructor(private readonly state: SmolderState) {}

  /** Publishes what players may see of `game`; rooms differ only in keys and statuses. */
  publish(game: GameState, keys: readonly string[], status: SyncContext["status"]): void {
    const sc = game.scenario;
    this.apply(playerView(game, 0), {
      keys,
      status,
      held: (seat) => {
        const p = game.players[seat]!;
        return { dirX: p.dirX, dirY: p.dirY, sprint: p.sprint };
      },
      secondsLeft: Math.max(0, sc.durationSeconds - Math.floor(game.tick / sc.tickRate)),
      phaseName: sc.phases[game.phase]?.name ?? "",
    });
  }

  apply(view: PlayerView, ctx: SyncContext): void {
    const { keys } = ctx;
    const st = this.state;
    st.tick = view.tick;
    st.clock = ctx.secondsLeft;
    st.phase = view.phase;
    st.phaseName = ctx.phaseName;
    st.value = view.value;
    st.width = view.width;
    st.height = view.height;
    st.ax = view.ax;
    st.ay = view.ay;
    st.side = view.side;
    copyArray(st.heat, this.shadow.heat, view.heat);
    copyArray(st.guard, this.shadow.guard, view.guard);
    copyArray(st.dust, this.shadow.dust, view.dust);
    // The rules leave risk out of the view unless revealed; an empty array then says "hidden".
    copyArray(st.risk, this.shadow.risk, view.risk ?? []);
    copyArray(
      st.embers,
      this.shadow.embers,
      (view.embers ?? []).flatMap((e) => [e.tile, e.seat]),
    );
    copyArray(st.leverage, this.shadow.leverage, view.leverage);
    st.revealUntil = view.revealUntil;

    for (const p of view.players) {
      const key = keys[p.seat];
      if (key === undefined) continue;
      let ps = st.players.get(key);
      if (!ps) {
        ps = new PlayerState();
        ps.seat = p.seat;
        ps.name = p.name;
        ps.bot = p.bot ?? "";
        st.players.set(key, ps);
      }
      ps.status = ctx.status(p.seat, p.burnout > 0);
      const held = ctx.held(p.seat);
      ps.dirX = held.dirX;
      ps.dirY = held.dirY;
      ps.sprint = held.sprint;
      ps.x = p.x;
      ps.y = p.y;
      ps.energy = p.energy;
      ps.burnout = p.burnout;
      ps.action = p.action;
      ps.actionTile = p.actionTile;
      ps.praise = p.praise;
    }

    // Leaderboard (the shared order): rebuilt only when the order changes.
    const order = leaderboardOrder(view.players)
      .map((p) => keys[p.seat])
      .filter((k): k is string => k !== undefined);
    const board = order.join("\n");
    if (board !== this.lastBoard) {
      this.lastBoard = board;
      st.leaderboard.clear();
      st.leaderboard.push(...order);
    }
  }
}
