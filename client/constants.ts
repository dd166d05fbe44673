// Names and numbers the client's pieces share. Scene keys are constants so a typo is a
// compile error, not a blank screen.
export const SCENES = {
  boot: "boot",
  title: "title",
  lobby: "lobby",
  game: "game",
  results: "results",
  workshop: "workshop",
  practice: "practice",
} as const;
export type SceneKey = (typeof SCENES)[keyof typeof SCENES];

/** World pixels per tile; the camera zoom fits the active area to the screen. */
export const TILE_PX = 32;

/** Past this many tiles across, the camera follows your avatar instead of showing the whole
 *  map, so avatars and fires stay big enough to play. */
export const FOLLOW_TILES = 16;

/**
 * A colour-blind-safe palette (Okabe & Ito): fire runs yellow → orange → vermillion and also
 * grows in size and tongues with heat; guard is blue with pips; risk is reddish purple.
 */
export const PALETTE = {
  background: 0x14161c,
  inactive: 0x1b1e26,
  healthy: 0x2b3a33,
  healthyEdge: 0x22302a,
  fire: [0x000000, 0xf0e442, 0xe69f00, 0xd55e00, 0xff3b1f],
  fireCore: 0xfff6c8,
  guard: 0x0072b2,
  guardLight: 0x56b4e9,
  dust: 0xb8b0a0,
  risk: 0xcc79a7,
  leverage: 0x56b4e9,
  you: 0xffffff,
  seats: [
    0x009e73, 0xf0e442, 0x56b4e9, 0xcc79a7, 0xe69f00, 0x9ad0ff, 0x0072b2, 0xd55e00, 0x9ad0a8, 0xc8b8ff, 0xffc2a8, 0x88e0ff, 0xe0e0a0, 0xb0ffb0, 0xffb0e0,
    0xa0a0ff,
  ],
} as const;

export const STORAGE = {
  name: "smolder.name",
  muted: "smolder.muted",
  /** The practice before the first round was done or skipped. */
  tutorialDone: "smolder.tutorialDone",
  /** Per tab, so a reload rejoins the same seat but a second tab is a second player. */
  reconnect: "smolder.reconnect",
  /** A random id for this browser: a person the host removes cannot walk back in. */
  device: "smolder.device",
  /** "reduce" or "full": the person's choice over the browser's prefers-reduced-motion. */
  motion: "smolder.motion",
  /** The language the person picked (absent: the browser's). */
  language: "smolder.language",
} as const;
