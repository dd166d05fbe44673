// Carries out what decideHostCommand decided, in a hosted room: the decision is made without the
// room (host-commands.ts), and this is the one place that turns it into changes of the room.
import type { Round } from "../rooms/round.js";
import type { HostedState } from "../schema/HostedState.js";
import type { RoundSettings } from "../../shared/settings.js";
import type { DebriefShow } from "./debrief.js";
import { showSettings } from "./feeds.js";
import type { HostChange } from "./host-commands.js";

/** The parts of a hosted room a host command reaches. */
export interface HostActions {
  state(): HostedState;
  round: Round;
  debrief: DebriefShow;
  /** Sets the room's settings (when given) and answers them. */
  settings(next?: RoundSettings): RoundSettings;
  newRound(): void;
  begin(): void;
  kick(key: string): void;
}

export function applyHostChange(room: HostActions, change: HostChange): void {
  const st = room.state();
  switch (change.kind) {
    case "settings":
      room.settings(change.settings);
      if (change.board) st.board = change.board;
      // In the lobby the map on every screen follows the choice at once; after a round it waits for "nextRound".
      return st.stage === "lobby" ? room.newRound() : showSettings(st, change.settings);
    case "start":
      room.debrief.hide();
      if (change.countdownSeconds === 0) return room.begin();
      return room.round.countdown(change.countdownSeconds, () => room.begin());
    case "cancel":
      room.round.cancelCountdown();
      st.stage = "lobby";
      st.paused = false;
      return;
    case "resume":
      st.paused = false;
      return room.round.resume();
    case "end":
      return room.round.finish("host");
    case "phase":
      return room.round.record({ tick: room.round.rules.tick, seat: -1, phase: change.phase });
    case "nextRound":
      st.round += 1;
      return room.newRound();
    case "kick":
      return room.kick(change.key);
    case "set":
      Object.assign(st, change.fields);
      return;
    case "debrief":
      return room.debrief.show(change.debrief, change.whatIf);
  }
}
