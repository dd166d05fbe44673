// What a host command does to a hosted room, decided without the room: from what the room is
// doing now and the command, either why not (the console shows it as a "bad-command" error) or
// the one change to make. HostedRoom carries the change out; the decisions are tested alone.
import type { Debrief, WhatIfSpec } from "../../shared/index.js";
import type { BoardMode, HostCommand, HostDropMode, RoomLanguage, Stage } from "../../shared/protocol/index.js";
import { HOST_MESSAGE_MAX_LENGTH } from "../../shared/protocol/index.js";
import { mergeSettings, type RoundSettings } from "../../shared/settings.js";
import { debriefOf, whatIfProblem } from "./debrief.js";
import type { RoundRecord } from "./rounds.js";

/** Default countdown when the host starts a round without naming one. */
export const HOSTED_COUNTDOWN_SECONDS = 5;

/** What a decision needs to know about the room. */
export interface HostView {
  stage: Stage;
  paused: boolean;
  /** The round's game: its growth phase now, and its scenario's phases. */
  game: { readonly phase: number; readonly scenario: { readonly phases: readonly unknown[] } };
  settings: Readonly<RoundSettings>;
  /** The people in the room by key (their session id). */
  people: { has(key: string): boolean };
  /** The session's finished rounds. */
  rounds: readonly RoundRecord[];
}

/** The synced fields a command simply sets. */
export interface HostFields {
  paused?: boolean;
  locked?: boolean;
  board?: BoardMode;
  hostDrop?: HostDropMode;
  message?: string;
  language?: RoomLanguage;
}

export type HostChange =
  /** New settings for the next round (and the board mode, when given). */
  | { kind: "settings"; settings: RoundSettings; board?: BoardMode }
  | { kind: "start"; countdownSeconds: number }
  /** Stop the countdown and go back to the lobby. */
  | { kind: "cancel" }
  /** Play on after a pause: the time paused is not owed. */
  | { kind: "resume" }
  | { kind: "end" }
  | { kind: "phase"; phase: number }
  | { kind: "nextRound" }
  | { kind: "kick"; key: string }
  | { kind: "set"; fields: HostFields }
  /** Show a debrief (null hides it); a what-if follows once computed. */
  | { kind: "debrief"; debrief: Debrief | null; whatIf?: { record: RoundRecord; spec: WhatIfSpec } };

export type HostDecision = { refusal: string } | HostChange;

const no = (refusal: string): HostDecision => ({ refusal });

const betweenRounds = (v: HostView) => v.stage === "lobby" || v.stage === "ended";

/** Decides one host command (already checked for shape by checkHostCommand). */
export function decideHostCommand(v: HostView, cmd: HostCommand): HostDecision {
  switch (cmd.command) {
    case "settings": {
      if (!betweenRounds(v)) return no("settings can change between rounds only");
      const merged = mergeSettings(v.settings, cmd);
      if (!merged.ok) return no(merged.error);
      return cmd.board ? { kind: "settings", settings: merged.settings, board: cmd.board } : { kind: "settings", settings: merged.settings };
    }
    case "start":
      if (v.stage !== "lobby") return no("a round can start from the lobby only");
      return { kind: "start", countdownSeconds: cmd.countdownSeconds ?? HOSTED_COUNTDOWN_SECONDS };
    case "cancel":
      if (v.stage !== "countdown") return no("no countdown is running");
      return { kind: "cancel" };
    case "pause":
      if (v.stage !== "playing" && v.stage !== "countdown") return no("no round is running");
      if (v.paused) return no("already paused");
      return { kind: "set", fields: { paused: true } };
    case "resume":
      if (!v.paused) return no("not paused");
      return { kind: "resume" };
    case "end":
      if (v.stage !== "playing") return no("no round is being played");
      return { kind: "end" };
    case "nextPhase":
      if (v.stage !== "playing") return no("no round is being played");
      if (v.game.phase + 1 >= v.game.scenario.phases.length) return no("already in the last phase");
      return { kind: "phase", phase: v.game.phase + 1 };
    case "message":
      return { kind: "set", fields: { message: cleanMessage(cmd.text) } };
    case "nextRound":
      if (v.stage !== "ended") return no("the current round has not ended");
      return { kind: "nextRound" };
    case "kick":
      if (!v.people.has(cmd.key)) return no("nobody with that key is in the room");
      return { kind: "kick", key: cmd.key };
    case "lock":
    case "unlock":
      return { kind: "set", fields: { locked: cmd.command === "lock" } };
    case "board":
      return { kind: "set", fields: { board: cmd.mode } };
    case "hostDrop":
      return { kind: "set", fields: { hostDrop: cmd.then } };
    case "language":
      return { kind: "set", fields: { language: cmd.language } };
    case "debrief":
      return decideDebrief(v, cmd.rounds, cmd.whatIf);
  }
}

function decideDebrief(v: HostView, rounds: readonly number[], whatIf: (WhatIfSpec & { round: number }) | undefined): HostDecision {
  if (!betweenRounds(v)) return no("the debrief is shown between rounds");
  if (rounds.length === 0) return { kind: "debrief", debrief: null };
  const debrief = debriefOf(v.rounds, rounds);
  if (typeof debrief === "string") return no(debrief);
  if (!whatIf) return { kind: "debrief", debrief };
  const record = v.rounds.find((r) => r.round === whatIf.round);
  const problem = whatIfProblem(record, whatIf);
  if (problem) return no(problem);
  // The bots take over at the rules' own pace (every tick), as the what-if has always run here.
  return { kind: "debrief", debrief, whatIf: { record: record!, spec: { fromSecond: whatIf.fromSecond, team: whatIf.team } } };
}

/** Strips control characters from a facilitator's message to every screen, and trims it. */
export function cleanMessage(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim()
    .slice(0, HOST_MESSAGE_MAX_LENGTH);
}
