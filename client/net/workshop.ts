// A workshop lobby's synced state as the client reads it (server/schema/WorkshopState.ts),
// shared by the participant's lobby scene and the facilitator's console.
export interface WorkshopParticipant {
  name: string;
  /** Team id, or "" before being placed. */
  team: string;
  /** "waiting" | "moved" | "away". */
  status: string;
}

export interface WorkshopTeam {
  id: string;
  name: string;
  /** The team room's code once the teams are open, else "". */
  code: string;
  /** The team's stored session id, once open. */
  session: string;
}

export interface WorkshopView {
  code: string;
  /** "forming" | "open". */
  stage: string;
  locked: boolean;
  message: string;
  people: Map<string, WorkshopParticipant>;
  teams: Map<string, WorkshopTeam>;
}
