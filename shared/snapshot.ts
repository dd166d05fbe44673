// Snapshots are deep copies of plain data; restoring one and stepping on gives the same
// hashes as never having stopped.
import { hashValue } from "./hash.js";
import type { GameState } from "./state.js";

export function snapshot(s: GameState): GameState {
  return structuredClone(s);
}

export function restore(snap: GameState): GameState {
  if (snap.version !== 1) throw new Error(`unknown snapshot version ${String(snap.version)}`);
  return structuredClone(snap);
}

/** Bots' memories are not facts of the game: a replay of the input log runs no bots and
 *  must hash equal to the live round, so they are left out. */
const NOT_HASHED: ReadonlySet<string> = new Set(["botMind"]);

/** FNV-1a over the whole state (bots' minds aside): equal hashes mean bit-identical games. */
export function stateHash(s: GameState): string {
  return hashValue(s, NOT_HASHED);
}

/** Position-weighted checksum of an integer array (a value moved to another tile changes it). */
function weighted(values: readonly number[]): number {
  let acc = 0;
  for (let i = 0; i < values.length; i++) acc = (acc + Math.imul(values[i]!, i + 1)) | 0;
  return acc;
}

/**
 * A fingerprint of a round in progress, written down every second: the clock, the PRNG's state
 * (which every random draw moves, so a replay that drew differently anywhere differs here), the
 * score, weighted checksums of the map's layers and every player's figures. A few microseconds,
 * where stateHash walks the whole state and its history; a restore checks it before the round goes on.
 */
export function progressHash(s: GameState): string {
  const t = s.tiles;
  const players = s.players.flatMap((p) => [p.present ? 1 : 0, p.x, p.y, p.energy, p.burnout, p.action, p.actionTile, p.actionLeft, p.praise, p.streak]);
  return hashValue([
    s.tick,
    s.rng,
    s.phase,
    s.ax,
    s.ay,
    s.side,
    s.value,
    s.overload,
    s.ended,
    s.reveal.until,
    weighted(t.heat),
    weighted(t.risk),
    weighted(t.guard),
    weighted(t.dust),
    weighted(t.riskOwed),
    weighted(t.fireHow),
    players,
  ]);
}
