// mulberry32: a 32-bit integer PRNG. Its whole state is one uint32 kept inside
// the game state, so snapshots and replays continue the same sequence.

/** Advances the state and returns [nextState, value in 0..2^32-1]. */
export function nextRandom(seedState: number): [number, number] {
  const s = advanceRandom(seedState);
  return [s, randomOutput(s)];
}

/** The state after `seedState`. With randomOutput, the two halves of nextRandom without the
 *  pair it returns: the rules draw in their hottest loop and must not allocate there. */
export function advanceRandom(seedState: number): number {
  return (seedState + 0x6d2b79f5) >>> 0;
}

/** The value (0..2^32-1) drawn on arriving at state `s`. */
export function randomOutput(s: number): number {
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/** A stateless hash of a few integers, for choices that must not consume the game's PRNG
 *  (bots' tie-breaks), so that adding a bot never shifts the fires everyone else sees. */
export function mixHash(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ c;
  h = Math.imul(h ^ (h >>> 16), 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}
