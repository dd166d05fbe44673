// A team card's line to its team room: it joins as a dashboard (beside the team's own console,
// never in its place) and holds the room on the one connection policy (net/connection.ts), so
// a card whose socket drops comes back by itself and its buttons reach the new room.
import { type ErrorMessage, MSG } from "../../shared/protocol/index.js";
import { Connection, type RoomLike, type StatusReport } from "../net/connection.js";
import { refusal } from "./notice.js";

/** A team's timeline since `from` (seconds): fires and the team's effort per second. */
export interface TeamTimeline {
  round: number;
  from: number;
  fires: number[];
  effort: number[];
}

/** What a card needs of a room: colyseus.js' Room, or a fake one in tests. */
export interface TeamRoom extends RoomLike {
  send(type: string, message: unknown): void;
  onMessage<T>(type: string, callback: (message: T) => void): unknown;
  onStateChange(callback: () => void): unknown;
}

export interface TeamJoiner<R extends TeamRoom> {
  joinById(code: string, options: { hostSecret: string; console: "dashboard" }): Promise<R>;
}

export interface TeamEvents<R extends TeamRoom> {
  /** The room's state changed (the first state arrives just after a join). */
  state(room: R): void;
  timeline(t: TeamTimeline): void;
  /** The rounds the team has finished. */
  rounds(rounds: number[]): void;
  error(message: string): void;
  status(report: StatusReport): void;
}

/** Joins team room `code` as its dashboard; a failed first join is the caller's to report. */
export function linkTeam<R extends TeamRoom>(client: TeamJoiner<R>, code: string, secret: string, on: TeamEvents<R>): Promise<Connection<R>> {
  const join = () => client.joinById(code, { hostSecret: secret, console: "dashboard" });
  return Connection.open(join, {
    rejoin: join,
    onStatus: on.status,
    attach: (room) => {
      room.onMessage(MSG.error, (e: ErrorMessage) => on.error(refusal(e)));
      room.onMessage(MSG.timeline, (t: TeamTimeline) => on.timeline(t));
      room.onMessage(MSG.rounds, (rows: { round: number }[]) => on.rounds(rows.map((r) => r.round)));
      room.onMessage("*", () => undefined);
      room.onStateChange(() => on.state(room));
    },
  });
}
