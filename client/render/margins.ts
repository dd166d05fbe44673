// The map's free area, measured from the HTML that hugs the screen's edges (the HUD bar, the
// side board, the touch pad and actions). Each element marked `data-reserve` takes its strip
// from whichever edge it touches that costs the map the least area, so the same markup gives a
// pad below the map in portrait and beside it in landscape, and a watcher without a pad gets
// the space back. The result is also written to the --map-* CSS variables, so notes, toasts and
// the minimap sit inside the map's area.
import { uiRoot } from "../ui/dom.js";
import { updateScreenClasses } from "../ui/layout.js";
import type { Margins } from "./camera.js";

const GAP = 8;
/** How close to an edge an element must be to count as hugging it (CSS px). */
const HUG = 24;

export function measureMargins(): Margins {
  updateScreenClasses();
  const w = window.innerWidth;
  const hgt = window.innerHeight;
  const m: Margins = { top: GAP, right: GAP, bottom: GAP, left: GAP };
  for (const el of document.querySelectorAll<HTMLElement>("#ui [data-reserve]")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const options: [keyof Margins, number, number][] = [];
    if (r.top <= HUG) options.push(["top", r.bottom + GAP, (r.bottom + GAP) * w]);
    if (r.bottom >= hgt - HUG) options.push(["bottom", hgt - r.top + GAP, (hgt - r.top + GAP) * w]);
    if (r.left <= HUG) options.push(["left", r.right + GAP, (r.right + GAP) * hgt]);
    if (r.right >= w - HUG) options.push(["right", w - r.left + GAP, (w - r.left + GAP) * hgt]);
    const best = options.sort((a, b) => a[2] - b[2])[0];
    if (best) m[best[0]] = Math.max(m[best[0]], best[1]);
  }
  const root = document.documentElement.style;
  for (const side of ["top", "right", "bottom", "left"] as const) root.setProperty(`--map-${side}`, `${Math.round(m[side])}px`);
  return m;
}

/** Calls back (at most once a frame) whenever a reserving element changes size or the window does. */
export function watchMargins(onChange: (m: Margins) => void): () => void {
  let last = "";
  let queued = 0;
  const check = () => {
    queued = 0;
    const m = measureMargins();
    const key = `${m.top},${m.right},${m.bottom},${m.left}`;
    if (key === last) return;
    last = key;
    onChange(m);
  };
  const schedule = () => {
    if (!queued) queued = requestAnimationFrame(check);
  };
  const sizes = new ResizeObserver(schedule);
  const observeAll = () => document.querySelectorAll("#ui [data-reserve]").forEach((el) => sizes.observe(el));
  // Layers come and go (the touch pad, a watcher's HUD): watch for new reserving elements too.
  const added = new MutationObserver(() => {
    observeAll();
    schedule();
  });
  added.observe(uiRoot(), { childList: true });
  observeAll();
  window.addEventListener("resize", schedule);
  check();
  return () => {
    cancelAnimationFrame(queued);
    sizes.disconnect();
    added.disconnect();
    window.removeEventListener("resize", schedule);
  };
}
