// A store that forgets on restart: for tests, and for a server started with DATA_DIR=:memory:.
import type { RoundRecord } from "../hosting/rounds.js";
import type { SessionListing, SessionRecord, SessionStore } from "./store.js";

export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly rounds = new Map<string, RoundRecord[]>();

  saveSession(session: SessionRecord): void {
    const known = this.sessions.get(session.id);
    this.sessions.set(session.id, known ? { ...known, code: session.code } : { ...session });
  }

  getSession(id: string): SessionRecord | null {
    return this.sessions.get(id) ?? null;
  }

  listSessions(hostHash: string): SessionListing[] {
    return [...this.sessions.values()]
      .filter((s) => s.hostHash === hostHash)
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((s) => {
        const rounds = this.rounds.get(s.id) ?? [];
        return { ...s, rounds: rounds.length, lastPlayedAt: rounds.length ? Math.max(...rounds.map((r) => r.endedAt)) : null };
      });
  }

  saveRound(record: RoundRecord): void {
    const list = (this.rounds.get(record.sessionId) ?? []).filter((r) => r.round !== record.round);
    list.push(structuredClone(record));
    list.sort((a, b) => a.round - b.round);
    this.rounds.set(record.sessionId, list);
  }

  listRounds(sessionId: string): RoundRecord[] {
    return structuredClone(this.rounds.get(sessionId) ?? []);
  }

  close(): void {}
}
