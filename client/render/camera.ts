// Keeps the active area framed: the camera eases out as the organisation grows.
import Phaser from "phaser";
import { reducedMotion } from "../a11y/motion.js";
import { TILE_PX } from "../constants.js";

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Reads the space the HTML layers leave for the map from the --map-* CSS variables, as the
 *  game last measured them (render/margins.ts); scenes without a HUD (the lobby) use this. */
export function readMargins(): Margins {
  const css = getComputedStyle(document.documentElement);
  const px = (name: string) => parseFloat(css.getPropertyValue(name)) || 0;
  return { top: px("--map-top"), right: px("--map-right"), bottom: px("--map-bottom"), left: px("--map-left") };
}

export function frameCamera(scene: Phaser.Scene, rect: Phaser.Geom.Rectangle, cssMargins: Margins, animate: boolean): void {
  const cam = scene.cameras.main;
  // Margins are CSS pixels; the game may draw at a lower resolution than CSS.
  const s = scene.scale.width / Math.max(1, window.innerWidth);
  const margins = { top: cssMargins.top * s, right: cssMargins.right * s, bottom: cssMargins.bottom * s, left: cssMargins.left * s };
  const w = scene.scale.width - margins.left - margins.right;
  const hgt = scene.scale.height - margins.top - margins.bottom;
  const pad = TILE_PX * 0.75;
  const zoom = Math.max(0.1, Math.min(w / (rect.width + pad * 2), hgt / (rect.height + pad * 2)));
  // Centre the rect inside the free area, not the whole canvas.
  const cx = rect.centerX - (margins.left - margins.right) / 2 / zoom;
  const cy = rect.centerY - (margins.top - margins.bottom) / 2 / zoom;
  // Reduced motion: the view jumps to its new frame instead of panning there.
  if (animate && !reducedMotion()) {
    cam.zoomTo(zoom, 1200, "Sine.easeInOut", true);
    cam.pan(cx, cy, 1200, "Sine.easeInOut", true);
  } else {
    cam.setZoom(zoom);
    cam.centerOn(cx, cy);
  }
}

/** A square `tiles` wide centred on (x, y) in world pixels, kept inside `bounds`. */
export function followRect(x: number, y: number, tiles: number, bounds: Phaser.Geom.Rectangle): Phaser.Geom.Rectangle {
  const size = Math.min(tiles * TILE_PX, bounds.width, bounds.height);
  const left = Math.min(Math.max(x - size / 2, bounds.x), bounds.right - size);
  const top = Math.min(Math.max(y - size / 2, bounds.y), bounds.bottom - size);
  return new Phaser.Geom.Rectangle(left, top, size, size);
}
