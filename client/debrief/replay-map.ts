// The map of a recorded round at one moment, for the host console's replay: a plain 2D
// canvas (the console has no Phaser). It shows what players could not see while playing:
// the hidden risk, drawn as a purple haze under everything else.
import { type GameState, SUB } from "../../shared/index.js";
import { playerName } from "../i18n/player-names.js";

const COLORS = {
  inactive: "#1b1e26",
  healthy: "#2b3a33",
  fire: ["", "#f0e442", "#e69f00", "#d55e00", "#ff3b1f"],
  guard: "#56b4e9",
  dust: "#b8b0a0",
  risk: "204,121,167",
  seats: [
    "#009e73",
    "#f0e442",
    "#56b4e9",
    "#cc79a7",
    "#e69f00",
    "#9ad0ff",
    "#0072b2",
    "#d55e00",
    "#9ad0a8",
    "#c8b8ff",
    "#ffc2a8",
    "#88e0ff",
    "#e0e0a0",
    "#b0ffb0",
    "#ffb0e0",
    "#a0a0ff",
  ],
};

/** Draws `s` into `canvas`, fitted to the active area (the organisation as it was then). */
export function drawReplayMap(canvas: HTMLCanvasElement, s: Readonly<GameState>): void {
  const size = canvas.clientWidth || 360;
  const dpr = devicePixelRatio || 1;
  if (canvas.width !== Math.round(size * dpr)) {
    canvas.width = Math.round(size * dpr);
    canvas.height = Math.round(size * dpr);
  }
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = COLORS.inactive;
  ctx.fillRect(0, 0, size, size);
  const w = s.scenario.grid.width;
  const px = size / s.side;
  const riskMax = s.scenario.risk.max;
  const t = s.tiles;
  for (let y = 0; y < s.side; y++)
    for (let x = 0; x < s.side; x++) {
      const i = (s.ay + y) * w + (s.ax + x);
      const left = x * px;
      const top = y * px;
      ctx.fillStyle = COLORS.healthy;
      ctx.fillRect(left + 0.5, top + 0.5, px - 1, px - 1);
      const risk = t.risk[i]!;
      if (risk > 0) {
        ctx.fillStyle = `rgba(${COLORS.risk},${Math.min(0.85, (0.9 * risk) / riskMax).toFixed(3)})`;
        ctx.fillRect(left + 0.5, top + 0.5, px - 1, px - 1);
      }
      const guard = t.guard[i]!;
      if (guard > 0) {
        ctx.strokeStyle = COLORS.guard;
        ctx.lineWidth = Math.max(1, (px / 12) * guard);
        ctx.strokeRect(left + 1.5, top + 1.5, px - 3, px - 3);
      }
      if (t.dust[i]! > 0) {
        ctx.fillStyle = COLORS.dust;
        const d = Math.max(1, px / 10);
        ctx.fillRect(left + px * 0.2, top + px * 0.7, d, d);
        ctx.fillRect(left + px * 0.7, top + px * 0.25, d, d);
      }
      const heat = t.heat[i]!;
      if (heat > 0) {
        ctx.fillStyle = COLORS.fire[heat]!;
        const r = (px / 2) * (0.45 + 0.13 * heat);
        ctx.beginPath();
        ctx.arc(left + px / 2, top + px / 2, r, 0, Math.PI * 2);
        ctx.fill();
      }
    }
  for (const p of s.players) {
    if (!p.present) continue;
    const cx = (p.x / SUB - s.ax) * px;
    const cy = (p.y / SUB - s.ay) * px;
    ctx.fillStyle = COLORS.seats[p.seat % COLORS.seats.length]!;
    ctx.strokeStyle = "#14161c";
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(cx, cy, Math.max(4, px * 0.32), 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = "#e8eaf0";
    ctx.font = `${Math.max(10, Math.min(14, px * 0.4))}px system-ui, sans-serif`;
    ctx.fillText(playerName(p).slice(0, 10), cx + px * 0.35, cy - px * 0.3);
  }
}
