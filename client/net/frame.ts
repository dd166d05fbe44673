// A plain snapshot of the synced room state, read once per patch, so scenes and renderers
// work with ordinary arrays and never touch schema objects.
import type { Room } from "colyseus.js";
import type { GameState } from "../../shared/state.js";
import { playerView, secondsLeft } from "../../shared/view.js";

export interface FramePlayer {
  key: string;
  seat: number;
  name: string;
  bot: string;
  status: string;
  x: number;
  y: number;
  dirX: number;
  dirY: number;
  sprint: boolean;
  energy: number;
  burnout: number;
  action: number;
  actionTile: number;
  praise: number;
  isYou: boolean;
}

export interface Frame {
  stage: string;
  countdown: number;
  scenario: string;
  tick: number;
  tickRate: number;
  clock: number;
  phase: number;
  phaseName: string;
  ended: string;
  value: number;
  width: number;
  height: number;
  ax: number;
  ay: number;
  side: number;
  heat: number[];
  guard: number[];
  dust: number[];
  /** Hidden risk, or null while nothing is revealed. */
  risk: number[] | null;
  leverage: number[];
  /** While revealed: tiles whose risk is mostly one seat's embers or dust. */
  embers: { tile: number; seat: number }[];
  revealUntil: number;
  players: FramePlayer[];
  leaderboard: string[];
  you: FramePlayer | undefined;
  /** Hosted rooms only (empty or defaults in quick play): the room code, round, pause, lock,
   *  leaderboard mode ("praise" | "value" | "hidden"), the host's message (or a notice code of
   *  the server's: see messageText), and whether this connection is watching without a seat. */
  hosted: HostedInfo | null;
}

export interface HostedInfo {
  code: string;
  /** A workshop team's name ("" in a plain hosted room). */
  team: string;
  round: number;
  paused: boolean;
  locked: boolean;
  board: string;
  message: string;
  hostOnline: boolean;
  /** Rounds not stored yet, as numbers ("2,3"; the console words it), or "". */
  unsaved: string;
  watching: boolean;
  watchers: { key: string; name: string; role: string; status: string }[];
  /** The next round's scenario id (during a round: this round's). */
  nextScenario: string;
  scenarioName: string;
  duration: number;
  exponentHalves: number;
  spreadPct: number;
  startPhase: number;
  seats: number;
  hostDrop: string;
  /** The language the host fixed for the projector and consoles ("en", "de", "es"), or "" for each browser's own. */
  language: string;
}

/** The fields a synced player and a rules player share, plus what only the source knows. */
type PlayerFields = Omit<FramePlayer, "key" | "bot" | "status" | "isYou">;

function framePlayer(p: PlayerFields, extra: Pick<FramePlayer, "key" | "bot" | "status" | "isYou">): FramePlayer {
  const { seat, name, x, y, dirX, dirY, sprint, energy, burnout, action, actionTile, praise } = p;
  return { seat, name, x, y, dirX, dirY, sprint, energy, burnout, action, actionTile, praise, ...extra };
}

function pairs(flat: number[]): { tile: number; seat: number }[] {
  const out: { tile: number; seat: number }[] = [];
  for (let k = 0; k + 1 < flat.length; k += 2) out.push({ tile: flat[k]!, seat: flat[k + 1]! });
  return out;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the schema is decoded without its classes */
export function readFrame(room: Room): Frame {
  const st = room.state as any;
  const players: FramePlayer[] = [];
  st.players?.forEach((p: any, key: string) => {
    players.push(framePlayer(p, { key, bot: p.bot, status: p.status, isYou: key === room.sessionId }));
  });
  players.sort((a, b) => a.seat - b.seat);
  const risk: number[] = st.risk ? Array.from(st.risk as ArrayLike<number>) : [];
  let hosted: HostedInfo | null = null;
  if (st.code) {
    const watchers: HostedInfo["watchers"] = [];
    st.watchers?.forEach((w: any, key: string) => watchers.push({ key, name: w.name, role: w.role, status: w.status }));
    hosted = {
      code: st.code,
      team: st.team ?? "",
      round: st.round ?? 1,
      paused: st.paused === true,
      locked: st.locked === true,
      board: st.board || "praise",
      message: st.message ?? "",
      hostOnline: st.hostOnline === true,
      unsaved: st.unsaved ?? "",
      watching: !players.some((p) => p.isYou),
      watchers,
      nextScenario: st.nextScenario ?? "",
      scenarioName: st.scenarioName ?? "",
      duration: st.duration ?? 0,
      exponentHalves: st.exponentHalves ?? 3,
      spreadPct: st.spreadPct ?? 100,
      startPhase: st.startPhase ?? 0,
      seats: st.seats ?? 0,
      hostDrop: st.hostDrop || "continue",
      language: st.language ?? "",
    };
  }
  return {
    stage: st.stage ?? "countdown",
    countdown: st.countdown ?? 0,
    scenario: st.scenario ?? "",
    tick: st.tick ?? 0,
    tickRate: st.tickRate || 10,
    clock: st.clock ?? 0,
    phase: st.phase ?? 0,
    phaseName: st.phaseName ?? "",
    ended: st.ended ?? "",
    value: st.value ?? 0,
    width: st.width ?? 0,
    height: st.height ?? 0,
    ax: st.ax ?? 0,
    ay: st.ay ?? 0,
    side: st.side ?? 0,
    heat: st.heat ? Array.from(st.heat as ArrayLike<number>) : [],
    guard: st.guard ? Array.from(st.guard as ArrayLike<number>) : [],
    dust: st.dust ? Array.from(st.dust as ArrayLike<number>) : [],
    risk: risk.length > 0 ? risk : null,
    leverage: st.leverage ? Array.from(st.leverage as ArrayLike<number>) : [],
    embers: pairs(st.embers ? Array.from(st.embers as ArrayLike<number>) : []),
    revealUntil: st.revealUntil ?? 0,
    players,
    leaderboard: st.leaderboard ? Array.from(st.leaderboard as ArrayLike<string>) : [],
    you: players.find((p) => p.isYou),
    hosted,
  };
}

/**
 * A frame drawn from a local rules state (the title screen's live backdrop, the practice,
 * replays): the rules' own player view, as the server publishes it, so the clock stops at zero
 * and a step back shows the embers the rules charge. Only what a key holds (direction, sprint)
 * is read from the state, as the server does.
 */
export function frameFromState(s: GameState): Frame {
  const view = playerView(s, -1);
  const players = view.players.map((p) => {
    const held = s.players[p.seat]!;
    const status = p.present ? (p.burnout > 0 ? "burntOut" : "playing") : "left";
    return framePlayer({ ...p, dirX: held.dirX, dirY: held.dirY, sprint: held.sprint }, { key: `seat-${p.seat}`, bot: p.bot ?? "", status, isYou: false });
  });
  return {
    stage: view.ended ? "ended" : "playing",
    countdown: 0,
    scenario: s.scenario.id,
    tick: view.tick,
    tickRate: s.scenario.tickRate,
    clock: secondsLeft(s),
    phase: view.phase,
    phaseName: s.scenario.phases[view.phase]?.name ?? "",
    ended: view.ended,
    value: view.value,
    width: view.width,
    height: view.height,
    ax: view.ax,
    ay: view.ay,
    side: view.side,
    heat: view.heat,
    guard: view.guard,
    dust: view.dust,
    risk: view.risk ?? null,
    leverage: view.leverage,
    embers: view.embers ?? [],
    revealUntil: view.revealUntil,
    players,
    leaderboard: [],
    you: undefined,
    hosted: null,
  };
}
