// The practice's lesson, a step at a time, each done by doing it on the board. The words are
// the game's own.
import type { PracticeBoard } from "./board.js";
import type { Key } from "../i18n/index.js";

export interface PracticeStep {
  /** The catalogue entry with the step's words. */
  text: Key;
  /** Whether the player did what the step asks (null: the last step, done with its button). */
  done: ((b: PracticeBoard) => boolean) | null;
}

export const PRACTICE_STEPS: PracticeStep[] = [
  {
    text: "practice.step1",
    done: (b) => b.praise > 0,
  },
  {
    text: "practice.step2",
    done: (b) => b.revealed,
  },
  {
    text: "practice.step3",
    done: (b) => b.guarded,
  },
  {
    text: "practice.step4",
    done: null,
  },
];
