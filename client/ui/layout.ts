// Which layout the screen gets: `touch` (the on-screen pad) and `compact` (a phone or a small
// window: one tight HUD bar with the praise board in it, no side panel). Classes on <html>, so
// the CSS decides the rest; called on start and on every resize.
import { isTouchDevice } from "./touch.js";

/** Below these CSS pixels a side panel would take too much of the map. */
const COMPACT_WIDTH = 720;
const COMPACT_HEIGHT = 480;

export function updateScreenClasses(): void {
  const touch = isTouchDevice();
  const compact = touch || window.innerWidth <= COMPACT_WIDTH || window.innerHeight <= COMPACT_HEIGHT;
  const root = document.documentElement.classList;
  root.toggle("touch", touch);
  root.toggle("compact", compact);
}
