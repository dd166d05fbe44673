// What the scenes share: one connection to the server, and the player's chosen name.
import { Session } from "./net/session.js";

import type { Frame } from "./net/frame.js";

export const app = {
  session: new Session(),
  /** While the practice runs: its board as a frame (tests read it as they read a room's). */
  practice: null as (() => Frame | null) | null,
  /** Why the last join failed, for the title to say. */
  joinProblem: null as string | null,
};
