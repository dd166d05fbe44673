// A store that fails when told to, then recovers: the memory store behind a switch, for the
// tests of what the server does when it cannot save (a full disk, a database restarting).
import type { RoundRecord } from "../../server/hosting/rounds.js";
import { MemorySessionStore } from "../../server/storage/memory.js";
import type { SessionRecord } from "../../server/storage/store.js";

export class FlakyStore extends MemorySessionStore {
  /** How many of the next calls fail, per method. */
  readonly failNext = { saveSession: 0, saveRound: 0 };
  /** Calls so far, per method (failed ones included). */
  readonly calls = { saveSession: 0, saveRound: 0 };
  /** Fails exactly the call with this number (1 is the first), per method. */
  readonly failCall = { saveSession: 0, saveRound: 0 };

  private trip(method: keyof FlakyStore["failNext"]): void {
    this.calls[method]++;
    if (this.failCall[method] === this.calls[method]) throw new Error(`SQLITE_FULL: database or disk is full (${method}, test)`);
    if (this.failNext[method] <= 0) return;
    this.failNext[method]--;
    throw new Error(`SQLITE_FULL: database or disk is full (${method}, test)`);
  }

  override async saveSession(session: SessionRecord): Promise<void> {
    this.trip("saveSession");
    return super.saveSession(session);
  }

  override async saveRound(record: RoundRecord): Promise<void> {
    this.trip("saveRound");
    return super.saveRound(record);
  }
}
