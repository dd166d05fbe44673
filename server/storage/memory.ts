// A store that forgets on restart: for tests, and for a server started with DATA_DIR=:memory:.
// It keeps the SQLite store's rules, foreign keys between sessions included.
import type { RoundRecord } from "../hosting/rounds.js";
import type { SessionListing, SessionRecord, SessionStore } from "./store.js";

/** Strings in SQLite's BINARY order (absent first, as NULL sorts). */
const byText = (a: string | undefined, b: string | undefined) => (a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : 1);

export class MemorySessionStore implements SessionStore {
  /** In insertion order, as SQLite's rowid. */
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly rounds = new Map<string, RoundRecord[]>();

  saveSession(session: SessionRecord): void {
    const known = this.sessions.get(session.id);
    if (known) {
      this.sessions.set(session.id, { ...known, code: session.code, ...(session.team !== undefined && { team: session.team }) });
      return;
    }
    if (session.parentId !== undefined && !this.sessions.has(session.parentId))
      throw new Error(`FOREIGN KEY constraint failed: no session ${session.parentId} to be the parent of ${session.id}`);
    const { parentId, team, ...plain } = session;
    this.sessions.set(session.id, { ...plain, ...(parentId !== undefined && { parentId }), ...(team !== undefined && { team }) });
  }

  getSession(id: string): SessionRecord | null {
    const s = this.sessions.get(id);
    return s ? { ...s } : null;
  }

  listChildren(parentId: string): SessionRecord[] {
    return [...this.sessions.values()]
      .filter((s) => s.parentId === parentId)
      .sort((a, b) => a.createdAt - b.createdAt || byText(a.team, b.team))
      .map((s) => ({ ...s }));
  }

  listSessions(hostHash: string): SessionListing[] {
    return [...this.sessions.values()]
      .filter((s) => s.hostHash === hostHash && s.parentId === undefined)
      // Newest first; among equal times the last saved first (SQLite: rowid DESC).
      .reverse()
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((s) => {
        const teams = [...this.sessions.values()].filter((c) => c.parentId === s.id);
        const rounds = [s, ...teams].flatMap((m) => this.rounds.get(m.id) ?? []);
        return { ...s, rounds: rounds.length, lastPlayedAt: rounds.length ? Math.max(...rounds.map((r) => r.endedAt)) : null, teams: teams.length };
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
