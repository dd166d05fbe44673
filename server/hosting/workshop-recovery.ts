// A workshop lobby's side of surviving a restart. The lobby holds no round: what it writes down
// is its teams (names, and once open, each team's room code and session), so that after a restart
// the workshop console finds its lobby under the same code with every team listed, and each
// team's room (written down on its own, see recovery.ts) under the code the lobby shows.
import type { Room } from "@colyseus/core";
import { NOTICES } from "../../shared/protocol/index.js";
import { log } from "../log.js";
import { closeForRestart, closeForShutdown } from "../rooms/authority.js";
import { TeamState, type WorkshopState } from "../schema/WorkshopState.js";
import { hosting } from "./registry.js";
import { HANDOVER_TOPIC } from "./restore.js";
import { CHECKPOINT_FORMAT } from "./checkpoints.js";

export interface WorkshopFacts {
  kind: "workshop";
  stage: string;
  locked: boolean;
  message: string;
  nextTeam: number;
  teams: { id: string; name: string; code: string; session: string }[];
  timing: { tickMs?: number; reconnectSeconds?: number };
}

export class WorkshopRecovery {
  private restarting = false;
  private writing: Promise<void> = Promise.resolve();
  /** Whether the last write reached the store. */
  private written = false;

  constructor(
    private readonly room: Room<WorkshopState>,
    private readonly inside: () => { sessionId: string; nextTeam: number; timing: WorkshopFacts["timing"] },
  ) {}

  /** Writes the lobby down as it is now (after each command, and once the teams are open). */
  save(): Promise<void> {
    const st = this.room.state;
    const { sessionId, nextTeam, timing } = this.inside();
    const facts: WorkshopFacts = {
      kind: "workshop",
      stage: st.stage,
      locked: st.locked,
      message: st.message,
      nextTeam,
      teams: [...st.teams.values()].map((t) => ({ id: t.id, name: t.name, code: t.code, session: t.session })),
      timing,
    };
    const write = {
      sessionId,
      code: this.room.roomId,
      round: 0,
      format: CHECKPOINT_FORMAT,
      savedAt: Date.now(),
      tick: 0,
      hash: "",
      room: facts,
      from: 0,
      entries: [],
    };
    // One at a time, in order: the last write is the lobby as it is.
    this.writing = this.writing.then(() =>
      hosting.store.saveCheckpoint(write).then(
        () => void (this.written = true),
        (err: unknown) => {
          this.written = false;
          log.warn({ event: "checkpoint-failed", room: this.room.roomId, err }, "checkpoint-failed");
        },
      ),
    );
    return this.writing;
  }

  /** A lobby opened after a restart: its teams as they were; answers the next team number. */
  async open(sessionId: string): Promise<number> {
    const cp = await hosting.store.getCheckpoint(sessionId).catch(() => null);
    const facts = cp?.room as Partial<WorkshopFacts> | undefined;
    if (facts?.kind !== "workshop" || !Array.isArray(facts.teams)) {
      this.room.state.message = NOTICES.workshopNotRestored;
      log.warn({ event: "workshop-restore-failed", room: this.room.roomId, session: sessionId }, "workshop-restore-failed (teams not brought back)");
      return 0;
    }
    const st = this.room.state;
    st.stage = facts.stage === "open" ? "open" : "forming";
    st.locked = facts.locked === true;
    st.message = facts.message ?? "";
    for (const t of facts.teams) {
      const team = new TeamState();
      Object.assign(team, t);
      st.teams.set(t.id, team);
    }
    log.info({ event: "workshop-restored", room: this.room.roomId, teams: facts.teams.length }, "workshop-restored");
    return facts.nextTeam ?? facts.teams.length;
  }

  /** The server stops: written down, then everyone told to come back. */
  async shutdown(): Promise<void> {
    await this.save();
    this.restarting = this.written;
    await (this.restarting ? closeForRestart(this.room) : closeForShutdown(this.room));
  }

  /** Closed for good: forgotten; closed for a restart: named for another process to take over. */
  async disposed(): Promise<void> {
    await this.writing;
    // Awaited: the server quits Redis next, and the message must be on its way first.
    if (this.restarting) return this.room.presence.publish(HANDOVER_TOPIC, { sessionId: this.inside().sessionId });
    await hosting.store.deleteCheckpoint(this.inside().sessionId).catch(() => undefined);
  }
}
