// The whole map, small, on a 2D canvas: burning tiles by heat, guarded tiles in blue, people
// as dots (you ringed). Used where the main view cannot show everything: the player's HUD once
// the camera follows you on a big map, and each team's card on the workshop dashboard.
import { SUB } from "../../shared/index.js";
import type { Frame } from "../net/frame.js";

const HEAT = ["", "#f0e442", "#e69f00", "#d55e00", "#ff3b1f"];

/** `view`: the square of tiles the camera shows (drawn as a frame), if it shows only part. */
export function drawMiniMap(canvas: HTMLCanvasElement, f: Frame, view?: { x: number; y: number; side: number }): void {
  const ctx = canvas.getContext("2d");
  if (!ctx || f.side === 0) return;
  const size = canvas.width;
  const px = size / f.side;
  const gap = px > 4 ? 1 : 0;
  ctx.fillStyle = "#1b1e26";
  ctx.fillRect(0, 0, size, size);
  for (let y = 0; y < f.side; y++)
    for (let x = 0; x < f.side; x++) {
      const i = (f.ay + y) * f.width + (f.ax + x);
      const heat = f.heat[i] ?? 0;
      ctx.fillStyle = heat > 0 ? HEAT[heat]! : (f.guard[i] ?? 0) > 0 ? "#0072b2" : "#2b3a33";
      ctx.fillRect(x * px, y * px, Math.max(1, px - gap), Math.max(1, px - gap));
    }
  for (const p of f.players) {
    if (p.status === "left") continue;
    const cx = (p.x / SUB - f.ax) * px;
    const cy = (p.y / SUB - f.ay) * px;
    ctx.fillStyle = "#ffffff";
    ctx.beginPath();
    ctx.arc(cx, cy, Math.max(2, px * 0.3), 0, Math.PI * 2);
    ctx.fill();
    if (p.isYou) {
      ctx.strokeStyle = "#e69f00";
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(cx, cy, Math.max(4, px * 0.6), 0, Math.PI * 2);
      ctx.stroke();
    }
  }
  if (view) {
    ctx.strokeStyle = "rgba(255,255,255,0.7)";
    ctx.lineWidth = 1.5;
    ctx.strokeRect((view.x - f.ax) * px + 0.75, (view.y - f.ay) * px + 0.75, view.side * px - 1.5, view.side * px - 1.5);
  }
}
