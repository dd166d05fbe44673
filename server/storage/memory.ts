// A store that forgets on restart: for tests, and for a server started with DATA_DIR=:memory:.
// It keeps the SQLite store's rules, foreign keys included (a team needs its workshop, a round
// its session). Synchronous inside: every promise is settled when the method returns.
import type { RoundRecord } from "../hosting/rounds.js";
import { checkpointGap } from "./checkpoint-rules.js";
import type { Checkpoint, CheckpointWrite, SessionListing, SessionRecord, SessionStore } from "./store.js";

/** Strings in SQLite's BINARY order (absent first, as NULL sorts). */
const byText = (a: string | undefined, b: string | undefined) => (a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : 1);

export class MemorySessionStore implements SessionStore {
  /** In insertion order, as SQLite's rowid. */
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly rounds = new Map<string, RoundRecord[]>();
  /** In the order first written, as SQLite's rowid. */
  private readonly checkpoints = new Map<string, Checkpoint>();

  async saveSession(session: SessionRecord): Promise<void> {
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

  async getSession(id: string): Promise<SessionRecord | null> {
    const s = this.sessions.get(id);
    return s ? { ...s } : null;
  }

  async listChildren(parentId: string): Promise<SessionRecord[]> {
    return [...this.sessions.values()]
      .filter((s) => s.parentId === parentId)
      .sort((a, b) => a.createdAt - b.createdAt || byText(a.team, b.team))
      .map((s) => ({ ...s }));
  }

  async listSessions(hostHash: string): Promise<SessionListing[]> {
    return (
      [...this.sessions.values()]
        .filter((s) => s.hostHash === hostHash && s.parentId === undefined)
        // Newest first; among equal times the last saved first (SQLite: rowid DESC).
        .reverse()
        .sort((a, b) => b.createdAt - a.createdAt)
        .map((s) => {
          const teams = [...this.sessions.values()].filter((c) => c.parentId === s.id);
          const rounds = [s, ...teams].flatMap((m) => this.rounds.get(m.id) ?? []);
          return { ...s, rounds: rounds.length, lastPlayedAt: rounds.length ? Math.max(...rounds.map((r) => r.endedAt)) : null, teams: teams.length };
        })
    );
  }

  async saveRound(record: RoundRecord): Promise<void> {
    if (!this.sessions.has(record.sessionId)) throw new Error(`FOREIGN KEY constraint failed: no session ${record.sessionId} for round ${record.round}`);
    const list = (this.rounds.get(record.sessionId) ?? []).filter((r) => r.round !== record.round);
    list.push(structuredClone(record));
    list.sort((a, b) => a.round - b.round);
    this.rounds.set(record.sessionId, list);
  }

  async listRounds(sessionId: string): Promise<RoundRecord[]> {
    return structuredClone(this.rounds.get(sessionId) ?? []);
  }

  async deleteIdleSince(cutoff: number): Promise<number> {
    const listed = [...this.sessions.values()].filter((s) => s.parentId === undefined);
    let gone = 0;
    for (const s of listed) {
      const members = [s, ...[...this.sessions.values()].filter((c) => c.parentId === s.id)];
      const last = Math.max(s.createdAt, ...members.flatMap((m) => (this.rounds.get(m.id) ?? []).map((r) => r.endedAt)));
      if (last >= cutoff) continue;
      for (const m of members) {
        this.sessions.delete(m.id);
        this.rounds.delete(m.id);
        this.checkpoints.delete(m.id);
      }
      gone++;
    }
    return gone;
  }

  async saveCheckpoint(w: CheckpointWrite): Promise<void> {
    if (!this.sessions.has(w.sessionId)) throw new Error(`FOREIGN KEY constraint failed: no session ${w.sessionId} for a checkpoint`);
    const known = this.checkpoints.get(w.sessionId);
    const gap = checkpointGap(w, known?.log.length ?? null);
    if (gap) throw new Error(gap);
    const { from, entries, snapshot, ...head } = structuredClone(w);
    const log = from === 0 ? entries : [...known!.log, ...entries];
    const kept = from === 0 ? null : (known?.snapshot ?? null);
    this.checkpoints.set(w.sessionId, { ...head, snapshot: snapshot === undefined ? kept : snapshot, log });
  }

  async listCheckpoints(): Promise<Checkpoint[]> {
    return structuredClone([...this.checkpoints.values()].sort((a, b) => a.savedAt - b.savedAt));
  }

  async getCheckpoint(sessionId: string): Promise<Checkpoint | null> {
    return structuredClone(this.checkpoints.get(sessionId) ?? null);
  }

  async deleteCheckpoint(sessionId: string): Promise<void> {
    this.checkpoints.delete(sessionId);
  }

  async close(): Promise<void> {}
}
