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
