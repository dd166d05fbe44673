// The practice board: a small private organisation the browser runs on the shared rules (no
// server), for one player. New fires are switched off so nothing happens that the lesson does
// not ask for; two small fires are lit near the avatar, and the starting risk stays, so stepping
// back has something to reveal.
import { applyIntent, createGame, type GameState, type Intent, parseScenario, SCENARIOS, step, SUB } from "../../shared/index.js";
import { frameFromState, type Frame } from "../net/frame.js";
import { errorText } from "../i18n/errors.js";

const SEED = 20261;

function practiceScenario() {
  const data = structuredClone(SCENARIOS.startup!) as unknown as {
    durationSeconds: number;
    phases: { ignition: number; creep: number }[];
    fire: { growChance: number };
  };
  // Long enough for anyone; the practice ends when its steps are done, not on a clock.
  data.durationSeconds = 1800;
  data.phases[0]!.ignition = 0;
  data.phases[0]!.creep = 0;
  data.fire.growChance = 0;
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new Error(`practice scenario: ${parsed.error}`);
  return parsed.scenario;
}

export class PracticeBoard {
  readonly state: GameState;

  constructor(name: string) {
    this.state = createGame(practiceScenario(), SEED, [{ name }]);
    const s = this.state;
    const me = s.players[0]!;
    const tx = Math.floor(me.x / SUB);
    const ty = Math.floor(me.y / SUB);
    // Two small fires a few steps away, inside the active square.
    for (const [dx, dy] of [
      [2, -1],
      [-2, 2],
    ] as const) {
      const x = Math.min(s.ax + s.side - 1, Math.max(s.ax, tx + dx));
      const y = Math.min(s.ay + s.side - 1, Math.max(s.ay, ty + dy));
      const i = y * s.scenario.grid.width + x;
      s.tiles.heat[i] = 2;
      s.tiles.fireHow[i] = 1;
    }
  }

  /** Applies an intent the way the server would (the rules decide); returns the refusal in words, if any. */
  send(intent: Intent): string | null {
    const v = applyIntent(this.state, 0, intent);
    return v.ok ? null : errorText({ code: v.code, message: v.reason });
  }

  tick(): void {
    if (!this.state.ended) step(this.state);
  }

  /** The board as the game's renderers and HUD read it, with seat 0 as you. */
  frame(): Frame {
    const f = frameFromState(this.state);
    const players = f.players.map((p) => (p.seat === 0 ? { ...p, isYou: true, key: "you" } : p));
    return { ...f, players, you: players[0], leaderboard: players.map((p) => p.key) };
  }

  get praise(): number {
    return this.state.players[0]!.praise;
  }

  get revealed(): boolean {
    return this.state.tick < this.state.reveal.until;
  }

  get guarded(): boolean {
    return this.state.tiles.guard.some((g) => g > 0);
  }
}
