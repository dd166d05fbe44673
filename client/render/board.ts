// Draws the map from a frame: tiles, guard, dust, revealed risk and leverage points, and
// the fires (animated every frame, fires.ts). It reads state and draws; it decides nothing.
import Phaser from "phaser";
import { reducedMotion } from "../a11y/motion.js";
import { PALETTE, TILE_PX } from "../constants.js";
import type { Frame } from "../net/frame.js";
import { FireLayer } from "./fires.js";

const T = TILE_PX;

export class Board {
  /** The still layer is drawn into a texture only when a new frame arrives, so each render
   *  frame costs one quad for it instead of replaying thousands of shapes. */
  private readonly baseTexture: Phaser.GameObjects.RenderTexture | null = null;
  private readonly base: Phaser.GameObjects.Graphics;
  private readonly fire: FireLayer;
  private readonly marks: Phaser.GameObjects.Graphics;
  private frame: Frame | null = null;
  private stillKey = "";
  /** What the still layer shows since it was last drawn (read by browser tests through window.smolder). */
  drawn = { guarded: 0, revealed: false, embers: 0 };
  private riskMax = 10000;

  constructor(scene: Phaser.Scene, size: { width: number; height: number } = { width: 32, height: 32 }) {
    this.base = scene.make.graphics({}, false);
    this.baseTexture = scene.add
      .renderTexture(0, 0, size.width * T, size.height * T)
      .setOrigin(0, 0)
      .setDepth(0);
    this.fire = new FireLayer(scene);
    this.marks = scene.add.graphics().setDepth(3);
  }

  setRiskMax(max: number): void {
    this.riskMax = max;
  }

  /** Redraws the still parts when they changed; call when a new frame arrives. */
  update(frame: Frame): void {
    this.frame = frame;
    const key = stillKey(frame);
    if (key === this.stillKey) return;
    this.stillKey = key;
    const g = this.base;
    g.clear();
    const { width, height, ax, ay, side } = frame;
    const riskScale = frame.risk ? Math.max(this.riskMax / 10, ...frame.risk) : 1;
    g.fillStyle(PALETTE.inactive, 1);
    g.fillRect(0, 0, width * T, height * T);
    for (let y = ay; y < ay + side; y++) {
      for (let x = ax; x < ax + side; x++) {
        const i = y * width + x;
        const px = x * T;
        const py = y * T;
        const guard = frame.guard[i] ?? 0;
        g.fillStyle(guard > 0 ? blend(PALETTE.healthy, PALETTE.guard, 0.18 + 0.14 * guard) : PALETTE.healthy, 1);
        g.fillRect(px + 1, py + 1, T - 2, T - 2);
        if (frame.risk) {
          // Relative to the riskiest tile (or a tenth of the cap), so the hot spots stand out.
          const r = Math.min(1, (frame.risk[i] ?? 0) / riskScale);
          if (r > 0.02) {
            g.fillStyle(PALETTE.risk, 0.08 + 0.72 * r * r);
            g.fillRect(px + 1, py + 1, T - 2, T - 2);
          }
        }
        if (guard > 0) {
          // Guard reads by its pips as well as its colour.
          g.lineStyle(1 + guard, PALETTE.guardLight, 0.9);
          g.strokeRect(px + 2 + guard / 2, py + 2 + guard / 2, T - 4 - guard, T - 4 - guard);
          g.fillStyle(PALETTE.guardLight, 1);
          for (let k = 0; k < guard; k++) g.fillRect(px + 5 + k * 6, py + T - 8, 4, 4);
        }
        const dust = frame.dust[i] ?? 0;
        if (dust > 0) {
          g.fillStyle(PALETTE.dust, 0.75);
          for (let k = 0; k < dust * 3; k++) {
            const jx = ((i * 13 + k * 7) % 23) + 4;
            const jy = ((i * 7 + k * 11) % 19) + 4;
            g.fillCircle(px + jx, py + jy, 1.5);
          }
        }
      }
    }
    // Embers (shown only while revealed): glowing specks, ringed in the colour of the seat
    // they are charged to, and in white when they are yours.
    const mine = frame.you?.seat;
    for (const e of frame.embers) {
      const px = (e.tile % width) * T;
      const py = Math.floor(e.tile / width) * T;
      g.lineStyle(e.seat === mine ? 2.5 : 1.5, e.seat === mine ? PALETTE.you : PALETTE.seats[e.seat % PALETTE.seats.length]!, 0.9);
      g.strokeRect(px + 3, py + 3, T - 6, T - 6);
      g.fillStyle(PALETTE.fire[2]!, 1);
      for (let k = 0; k < 4; k++) g.fillCircle(px + 8 + ((e.tile * 5 + k * 9) % 16), py + 8 + ((e.tile * 3 + k * 7) % 16), 1.8);
    }
    // The edge of the organisation as it grows.
    g.lineStyle(2, 0x6b7280, 0.8);
    g.strokeRect(ax * T, ay * T, side * T, side * T);
    this.drawn = { guarded: frame.guard.filter((g) => g > 0).length, revealed: frame.risk !== null, embers: frame.embers.length };
    const rt = this.baseTexture!;
    if (rt.width !== width * T || rt.height !== height * T) rt.resize(width * T, height * T);
    rt.clear();
    rt.draw(g);
    (rt.texture as Phaser.Textures.DynamicTexture).render();
  }

  /** Animates fires and leverage points; call every render frame. */
  animate(time: number): void {
    const frame = this.frame;
    const m = this.marks;
    this.fire.draw(frame, time);
    m.clear();
    if (!frame) return;
    const w = frame.width;
    // Reduced motion: fires and rings hold still (their size and count still show the heat).
    const calm = reducedMotion();
    const pulse = calm ? 1 : 0.5 + 0.5 * Math.sin(time / 200);
    for (const i of frame.leverage) {
      const cx = (i % w) * T + T / 2;
      const cy = Math.floor(i / w) * T + T / 2;
      m.lineStyle(3, PALETTE.leverage, 0.6 + 0.4 * pulse);
      m.strokeCircle(cx, cy, T * (0.45 + 0.15 * pulse));
      m.fillStyle(PALETTE.leverage, 1);
      m.fillTriangle(cx, cy - 7, cx - 6, cy + 5, cx + 6, cy + 5);
    }
  }

  /** World-pixel rectangle of the active area. */
  activeRect(): Phaser.Geom.Rectangle | null {
    const f = this.frame;
    if (!f || f.side === 0) return null;
    return new Phaser.Geom.Rectangle(f.ax * T, f.ay * T, f.side * T, f.side * T);
  }

  /** Tile index under a world point, or -1. */
  tileAt(wx: number, wy: number): number {
    const f = this.frame;
    if (!f) return -1;
    const x = Math.floor(wx / T);
    const y = Math.floor(wy / T);
    if (x < 0 || y < 0 || x >= f.width || y >= f.height) return -1;
    return y * f.width + x;
  }
}

/** Everything the still layer depends on, as one comparable string. */
function stillKey(f: Frame): string {
  return `${f.ax},${f.ay},${f.side},${f.width}|${f.guard.join("")}|${f.dust.join("")}|${f.risk ? f.risk.join(",") : "-"}|${f.embers.map((e) => `${e.tile}:${e.seat}`).join(",")}`;
}

function blend(a: number, b: number, t: number): number {
  const ch = (c: number, s: number) => (c >> s) & 0xff;
  const mix = (s: number) => Math.round(ch(a, s) * (1 - t) + ch(b, s) * t) << s;
  return mix(16) | mix(8) | mix(0);
}
