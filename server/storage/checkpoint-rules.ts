// What every store checks before it appends to a round's checkpointed log, so the three stores
// refuse the same writes with the same words.
import type { CheckpointWrite } from "./store.js";

/** Why `w` cannot be appended to a stored log of `stored` entries (null: none stored), or null. */
export function checkpointGap(w: Pick<CheckpointWrite, "sessionId" | "from">, stored: number | null): string | null {
  if (w.from === 0) return null;
  if (stored === null) return `checkpoint of ${w.sessionId}: no log stored to append entries from ${w.from} to; write it from 0`;
  if (w.from !== stored) return `checkpoint of ${w.sessionId}: the stored log has ${stored} entries, this write starts at ${w.from}; write it from 0`;
  return null;
}
