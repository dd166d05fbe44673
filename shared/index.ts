// The rules' front door: everything the server, the client, the tools and the tests use.
export { createGame, addPlayer, removePlayer, rejoinPlayer } from "./game.js";
export { applyIntent, checkIntent, parseIntent, intentSchema, INTENT_KINDS } from "./intents.js";
export type { Intent, IntentKind, RejectCode, Verdict } from "./intents.js";
export { step, runTicks } from "./step.js";
export { movePlayer } from "./players.js";
export { playerView } from "./view.js";
export type { PlayerView } from "./view.js";
export { snapshot, restore, stateHash, progressHash } from "./snapshot.js";
export { replay, replayFrom, applyEntry } from "./replay.js";
export type { LogEntry } from "./replay.js";
export { playerSummaries, roundSummary } from "./summary.js";
export type { PlayerSummary, RoundSummary } from "./summary.js";
export { runBots } from "./bots/run.js";
export type { BotMove } from "./bots/run.js";
export { fromPhase, parseScenario, scenarioSchema } from "./scenario.js";
export { customise } from "./customise.js";
export type { Customisation, CustomiseResult } from "./customise.js";
export type { Scenario, Phase } from "./scenario.js";
export { SCENARIOS, SCENARIO_IDS, getScenario } from "./scenarios/index.js";
export { isqrt } from "./intmath.js";
export * from "./state.js";
export { ReplayCursor } from "./scrub.js";
export {
  tippingPoint,
  collapseFiresFor,
  effortBins,
  teamEffort,
  whatIfSlices,
  runWhatIf,
  isBotKind,
  debriefRound,
  debriefWhatIf,
  TIPPING_WINDOW_SECONDS,
  SPIRAL_SECONDS,
  EFFORT_BIN_SECONDS,
} from "./debrief.js";
export type { WhatIfSpec, DebriefRound, DebriefWhatIf, Debrief, PlayedRound } from "./debrief.js";
export { atSameMoment, firesWaiting, type SameMoment } from "./compare.js";
export { headlines, headlineSentence, creditName } from "./credit.js";
export type { Credited, Headlines } from "./credit.js";
export { storyOf, valueFigure } from "./story.js";
export { recapOf, withRecap, RECAP_POINTS } from "./recap.js";
export type { Recap, ResultsSummary } from "./recap.js";
