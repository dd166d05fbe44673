// What the scenes share: one connection to the server, and the player's chosen name.
import { Session } from "./net/session.js";

import type { Frame } from "./net/frame.js";
import type { SceneKey } from "./constants.js";
import type { PracticeData } from "./scenes/PracticeScene.js";

export const app = {
  session: new Session(),
  /** While the practice runs: its board as a frame (tests read it as they read a room's). */
  practice: null as (() => Frame | null) | null,
  /** Why the last join failed, for the title to say. */
  joinProblem: null as string | null,
  /** Where the title's form sent the player, waiting for the title scene to start it (the form
   *  can be used before the game engine has loaded: ui/title-form.ts). */
  titleNext: null as { next: SceneKey; data?: PracticeData } | null,
  /** Set while the title scene runs: it starts `titleNext` at once. */
  onTitleNext: null as (() => void) | null,
};

/** The title form's way out: straight away when the title scene runs, else when it starts. */
export function goFromTitle(next: SceneKey, data?: PracticeData): void {
  app.titleNext = data ? { next, data } : { next };
  app.onTitleNext?.();
}
