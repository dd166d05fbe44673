// The practice's lesson, a step at a time, each done by doing it on the board. The words are
// the game's own.
import type { PracticeBoard } from "./board.js";

export interface PracticeStep {
  text: string;
  /** Whether the player did what the step asks (null: the last step, done with its button). */
  done: ((b: PracticeBoard) => boolean) | null;
}

export const PRACTICE_STEPS: PracticeStep[] = [
  {
    text: "A fire! Walk next to it (arrow keys or WASD; the pad on a phone) and press Space, or tap the fire, to put it out. Praise comes at once.",
    done: (b) => b.praise > 0,
  },
  {
    text: "Praise! But that quick fix left embers behind: hidden risk, charged to you, that starts the next fires. Press Q (Step back) and stand still to see it.",
    done: (b) => b.revealed,
  },
  {
    text: "Purple tiles smoulder; specks are embers (white-ringed: yours); blue rings mark where investing pays most. Stand on a healthy tile and press E (Invest), or tap a healthy tile next to you.",
    done: (b) => b.guarded,
  },
  {
    text: "Guard earns no praise, but it clears the risk around it and slows fires. In the round, fires start faster as the organisation grows: praise comes from putting them out, value from preventing them.",
    done: null,
  },
];
